package io.flotilla.supervisor.model;

import java.time.Duration;

/**
 * The changeable fields of a {@link DeploymentSpec} being copied; the others come from {@code
 * from}.
 */
final class SpecCopy {

    private final DeploymentSpec from;
    String version;
    String artifactUri;
    String artifactSha256;
    DesiredState desiredState;
    UpgradeMode upgradeMode;
    String cluster;
    String restoreFrom;
    long generation;
    RetentionPolicy retention;
    long restarts;
    int parallelism;
    Duration checkpointInterval;
    boolean allowNonRestoredState;
    String flinkVersion;

    SpecCopy(DeploymentSpec from) {
        this.from = from;
        this.version = from.version();
        this.artifactUri = from.artifactUri();
        this.artifactSha256 = from.artifactSha256();
        this.desiredState = from.desiredState();
        this.upgradeMode = from.upgradeMode();
        this.cluster = from.cluster();
        this.restoreFrom = from.restoreFrom();
        this.generation = from.generation();
        this.retention = from.retention();
        this.restarts = from.restarts();
        this.parallelism = from.parallelism();
        this.checkpointInterval = from.checkpointInterval();
        this.allowNonRestoredState = from.allowNonRestoredState();
        this.flinkVersion = from.flinkVersion();
    }

    void version(String newVersion, String uri, String sha256) {
        this.version = newVersion;
        this.artifactUri = uri;
        this.artifactSha256 = sha256;
    }

    DeploymentSpec build() {
        return new DeploymentSpec(
                from.name(),
                from.owner(),
                from.module(),
                version,
                artifactUri,
                artifactSha256,
                from.entryClass(),
                from.args(),
                parallelism,
                desiredState,
                upgradeMode,
                cluster,
                restoreFrom,
                generation,
                retention,
                restarts,
                checkpointInterval,
                allowNonRestoredState,
                flinkVersion);
    }
}
