package io.flotilla.supervisor.http;

import io.flotilla.http.ApiException;
import io.flotilla.supervisor.api.DeploymentRequest;
import io.flotilla.supervisor.api.RetentionRequest;
import io.flotilla.supervisor.model.Cluster;
import io.flotilla.supervisor.model.DeploymentSpec;
import io.flotilla.supervisor.model.DesiredState;
import io.flotilla.supervisor.model.Placement;
import io.flotilla.supervisor.model.RetentionPolicy;
import io.flotilla.supervisor.model.UpgradeMode;
import io.flotilla.supervisor.port.ControlStore;

/** Turns a create or update body into a checked spec, naming the first bad field. */
final class SpecRequests {

    private final ControlStore store;
    private final SpecRules rules;

    SpecRequests(ControlStore store, SpecRules rules) {
        this.store = store;
        this.rules = rules;
    }

    /** The spec a create asks for, at generation 1. */
    DeploymentSpec created(DeploymentRequest b) {
        return new DeploymentSpec(
                Validation.name("name", b.name()),
                Validation.name("owner", b.owner()),
                SpecRules.text("module", b.module()),
                Validation.version("version", b.version()),
                rules.artifactUri("artifactUri", b.artifactUri()),
                Validation.sha256("artifactSha256", b.artifactSha256()),
                SpecRules.entryClass("entryClass", b.entryClass()),
                SpecRules.args("args", b.args()),
                b.parallelism() == null ? 1 : SpecRules.parallelism("parallelism", b.parallelism()),
                b.desiredState() == null
                        ? DesiredState.RUNNING
                        : Validation.enumValue(
                                "desiredState", b.desiredState(), DesiredState.class),
                b.upgradeMode() == null
                        ? UpgradeMode.SAVEPOINT
                        : Validation.enumValue("upgradeMode", b.upgradeMode(), UpgradeMode.class),
                b.cluster() == null ? Placement.ANY : placement(b.cluster()),
                null,
                1,
                retention(b.retention()),
                0,
                checkpointInterval(b.checkpointInterval()),
                false,
                b.flinkVersion() == null
                        ? null
                        : SpecRules.flinkVersion("flinkVersion", b.flinkVersion()));
    }

    /** The spec an update of {@code s} asks for: absent fields keep their value. */
    DeploymentSpec updated(DeploymentSpec s, DeploymentRequest b) {
        return new DeploymentSpec(
                s.name(),
                b.owner() == null ? s.owner() : Validation.name("owner", b.owner()),
                b.module() == null ? s.module() : SpecRules.text("module", b.module()),
                b.version() == null ? s.version() : Validation.version("version", b.version()),
                b.artifactUri() == null
                        ? s.artifactUri()
                        : rules.artifactUri("artifactUri", b.artifactUri()),
                b.artifactSha256() == null
                        ? s.artifactSha256()
                        : Validation.sha256("artifactSha256", b.artifactSha256()),
                b.entryClass() == null
                        ? s.entryClass()
                        : SpecRules.entryClass("entryClass", b.entryClass()),
                b.args() == null ? s.args() : SpecRules.args("args", b.args()),
                b.parallelism() == null
                        ? s.parallelism()
                        : SpecRules.parallelism("parallelism", b.parallelism()),
                b.desiredState() == null
                        ? s.desiredState()
                        : Validation.enumValue(
                                "desiredState", b.desiredState(), DesiredState.class),
                b.upgradeMode() == null
                        ? s.upgradeMode()
                        : Validation.enumValue("upgradeMode", b.upgradeMode(), UpgradeMode.class),
                b.cluster() == null ? s.cluster() : placement(b.cluster()),
                s.restoreFrom(),
                s.generation() + 1,
                b.retention() == null ? s.retention() : retention(b.retention()),
                s.restarts(),
                b.checkpointInterval() == null
                        ? s.checkpointInterval()
                        : checkpointInterval(b.checkpointInterval()),
                false,
                b.flinkVersion() == null
                        ? s.flinkVersion()
                        : SpecRules.flinkVersion("flinkVersion", b.flinkVersion()));
    }

    /** The artifact of a release: a jar the sidecars trust. */
    String artifactUri(String field, String value) {
        return rules.artifactUri(field, value);
    }

    /**
     * Where a spec may run: a registered cluster not declared lost, {@code pool:NAME} of a pool at
     * least one registered cluster is in, or {@value Placement#ANY} for any healthy cluster.
     */
    String placement(String cluster) {
        if (Placement.ANY.equals(cluster)) {
            return cluster;
        }
        String pool = Placement.pool(cluster);
        if (pool != null) {
            Validation.name("cluster", pool);
            if (store.clusters().stream().noneMatch(c -> pool.equals(c.pool()))) {
                throw new ApiException(
                        400,
                        "unknown_pool",
                        "field 'cluster': no registered cluster is in pool '"
                                + pool
                                + "': register one with \"pool\": \""
                                + pool
                                + "\", or see GET /v1/clusters",
                        "cluster",
                        null);
            }
            return cluster;
        }
        Validation.name("cluster", cluster);
        Cluster c =
                store.cluster(cluster)
                        .orElseThrow(
                                () ->
                                        new ApiException(
                                                400,
                                                "unknown_cluster",
                                                "field 'cluster': no cluster '"
                                                        + cluster
                                                        + "' is registered: see GET /v1/clusters",
                                                "cluster",
                                                null));
        if (c.lost()) {
            throw new ApiException(
                    400,
                    "cluster_lost",
                    "field 'cluster': cluster " + cluster + " was declared lost: choose another",
                    "cluster",
                    null);
        }
        return cluster;
    }

    private static RetentionPolicy retention(RetentionRequest b) {
        if (b == null) {
            return null;
        }
        return new RetentionPolicy(
                b.keepSavepoints() == null
                        ? null
                        : Validation.atLeast("retention.keepSavepoints", b.keepSavepoints(), 1),
                b.maxAge() == null ? null : maxAge(b.maxAge()),
                b.savepointEvery() == null ? null : savepointEvery(b.savepointEvery()));
    }

    private static java.time.Duration savepointEvery(String raw) {
        java.time.Duration d = Validation.duration("retention.savepointEvery", raw);
        if (d.compareTo(java.time.Duration.ofSeconds(5)) < 0
                || d.compareTo(java.time.Duration.ofDays(30)) > 0) {
            throw Validation.invalid(
                    "retention.savepointEvery",
                    "must be between 5s and 30d (e.g. \"6h\"; leave it out for no periodic"
                            + " savepoints), got '"
                            + raw
                            + "'");
        }
        return d;
    }

    private static java.time.Duration maxAge(String raw) {
        java.time.Duration d = Validation.duration("retention.maxAge", raw);
        if (d.isNegative() || d.isZero()) {
            throw Validation.invalid("retention.maxAge", "must be a positive duration, e.g. 14d");
        }
        return d;
    }

    private static java.time.Duration checkpointInterval(String value) {
        if (value == null) {
            return null;
        }
        java.time.Duration d = Validation.duration("checkpointInterval", value);
        if (d.compareTo(java.time.Duration.ofMillis(100)) < 0
                || d.compareTo(java.time.Duration.ofDays(1)) > 0) {
            throw ApiException.badRequest(
                    "invalid_field",
                    "checkpointInterval",
                    "field 'checkpointInterval' must be between PT0.1S and 1d (e.g. \"10s\" or"
                            + " \"PT1M\"), got '"
                            + value
                            + "'");
        }
        return d;
    }

    static String describe(DeploymentSpec s) {
        return "version "
                + s.version()
                + " (sha256 "
                + s.artifactSha256().substring(0, 12)
                + "...) on "
                + s.cluster()
                + ", desired "
                + s.desiredState()
                + ", generation "
                + s.generation();
    }
}
