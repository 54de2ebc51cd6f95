package io.flotilla.supervisor.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The desired state of one deployment as its owner declared it; {@code generation} grows on every
 * change, so "has the spec changed since we acted" is one comparison.
 *
 * @param restoreFrom a savepoint an operator chose to start the next generation from, or null
 * @param retention how much state to keep, or null for the platform's defaults
 * @param restarts how many restarts an operator asked for: a new count makes a new job of the same
 *     build, from the newest state
 * @param checkpointInterval how often the job checkpoints, or null for its cluster's default
 * @param allowNonRestoredState whether the job may start without state its restore path holds and
 *     it cannot take: a release that was allowed to lose state asks for it
 * @param flinkVersion the Flink versions it may run on, a {@link FlinkVersionRange} as written
 *     (spaces collapsed), or null for any
 */
public record DeploymentSpec(
        String name,
        String owner,
        String module,
        String version,
        String artifactUri,
        String artifactSha256,
        String entryClass,
        List<String> args,
        int parallelism,
        DesiredState desiredState,
        UpgradeMode upgradeMode,
        String cluster,
        String restoreFrom,
        long generation,
        RetentionPolicy retention,
        long restarts,
        Duration checkpointInterval,
        boolean allowNonRestoredState,
        String flinkVersion) {

    /** A spec that restores all of its state and runs on any Flink version. */
    public DeploymentSpec(
            String name,
            String owner,
            String module,
            String version,
            String artifactUri,
            String artifactSha256,
            String entryClass,
            List<String> args,
            int parallelism,
            DesiredState desiredState,
            UpgradeMode upgradeMode,
            String cluster,
            String restoreFrom,
            long generation,
            RetentionPolicy retention,
            long restarts,
            Duration checkpointInterval) {
        this(
                name,
                owner,
                module,
                version,
                artifactUri,
                artifactSha256,
                entryClass,
                args,
                parallelism,
                desiredState,
                upgradeMode,
                cluster,
                restoreFrom,
                generation,
                retention,
                restarts,
                checkpointInterval,
                false,
                null);
    }

    /** A spec with the cluster's default checkpoint interval. */
    public DeploymentSpec(
            String name,
            String owner,
            String module,
            String version,
            String artifactUri,
            String artifactSha256,
            String entryClass,
            List<String> args,
            int parallelism,
            DesiredState desiredState,
            UpgradeMode upgradeMode,
            String cluster,
            String restoreFrom,
            long generation,
            RetentionPolicy retention,
            long restarts) {
        this(
                name,
                owner,
                module,
                version,
                artifactUri,
                artifactSha256,
                entryClass,
                args,
                parallelism,
                desiredState,
                upgradeMode,
                cluster,
                restoreFrom,
                generation,
                retention,
                restarts,
                null);
    }

    public DeploymentSpec {
        requireText(name, "name");
        requireText(artifactUri, "artifactUri");
        requireText(artifactSha256, "artifactSha256");
        requireText(entryClass, "entryClass");
        requireText(cluster, "cluster");
        Objects.requireNonNull(desiredState, "desiredState");
        Objects.requireNonNull(upgradeMode, "upgradeMode");
        args = List.copyOf(args == null ? List.of() : args);
        if (parallelism < 1) {
            throw new IllegalArgumentException(
                    "parallelism must be at least 1, got " + parallelism);
        }
        if (generation < 1) {
            throw new IllegalArgumentException("generation must be at least 1, got " + generation);
        }
        if (checkpointInterval != null
                && (checkpointInterval.isNegative() || checkpointInterval.isZero())) {
            throw new IllegalArgumentException(
                    "checkpointInterval must be positive, got " + checkpointInterval);
        }
        if (flinkVersion != null) {
            try {
                flinkVersion = FlinkVersionRange.parse(flinkVersion).text();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("flinkVersion " + e.getMessage(), e);
            }
        }
    }

    /** The Flink versions the job may run on, or null for any. */
    public FlinkVersionRange flinkRange() {
        return flinkVersion == null ? null : FlinkVersionRange.parse(flinkVersion);
    }

    /**
     * Whether a job started from {@code other} already runs what this spec asks for. Owner, desired
     * state, upgrade mode and generation do not change the job itself, so a change to only those
     * needs no restart; nor does a pool or any-cluster target, which a placed job already meets. A
     * new Flink version range places a pool or any-cluster job again (it may move); on a named
     * cluster it changes nothing until the next start.
     */
    public boolean sameJobAs(DeploymentSpec other) {
        return other != null
                && Objects.equals(version, other.version)
                && artifactUri.equals(other.artifactUri)
                && artifactSha256.equals(other.artifactSha256)
                && entryClass.equals(other.entryClass)
                && args.equals(other.args)
                && parallelism == other.parallelism
                && (cluster.equals(other.cluster) || !Placement.concrete(cluster))
                && Objects.equals(restoreFrom, other.restoreFrom)
                && restarts == other.restarts
                && Objects.equals(checkpointInterval, other.checkpointInterval)
                && (Objects.equals(flinkVersion, other.flinkVersion)
                        || Placement.concrete(cluster));
    }

    /** Whether {@code other} runs another build of the job (a release, not a reconfiguration). */
    public boolean otherVersionThan(DeploymentSpec other) {
        return !Objects.equals(version, other.version)
                || !artifactSha256.equals(other.artifactSha256);
    }

    public DeploymentSpec withGeneration(long newGeneration) {
        return copy(b -> b.generation = newGeneration);
    }

    public DeploymentSpec withDesiredState(DesiredState state) {
        return copy(b -> b.desiredState = state);
    }

    public DeploymentSpec withUpgradeMode(UpgradeMode mode) {
        return copy(b -> b.upgradeMode = mode);
    }

    public DeploymentSpec withVersion(String newVersion, String uri, String sha256) {
        return copy(b -> b.version(newVersion, uri, sha256));
    }

    /** The same spec placed on another cluster. */
    public DeploymentSpec withCluster(String newCluster) {
        return copy(b -> b.cluster = newCluster);
    }

    public DeploymentSpec withRestoreFrom(String path) {
        return copy(b -> b.restoreFrom = path);
    }

    public DeploymentSpec withRetention(RetentionPolicy policy) {
        return copy(b -> b.retention = policy);
    }

    public DeploymentSpec withParallelism(int newParallelism) {
        return copy(b -> b.parallelism = newParallelism);
    }

    /** The same spec allowing (or not) state its job cannot restore to be dropped. */
    public DeploymentSpec withAllowNonRestoredState(boolean allow) {
        return copy(b -> b.allowNonRestoredState = allow);
    }

    /** The same spec asking for Flink versions in {@code range}, or any when null. */
    public DeploymentSpec withFlinkVersion(String range) {
        return copy(b -> b.flinkVersion = range);
    }

    public DeploymentSpec withCheckpointInterval(Duration interval) {
        return copy(b -> b.checkpointInterval = interval);
    }

    /** The same spec asking for one more restart. */
    public DeploymentSpec withRestart() {
        return copy(b -> b.restarts++);
    }

    /** This spec with {@code change} applied, validated like any new spec. */
    private DeploymentSpec copy(Consumer<SpecCopy> change) {
        SpecCopy b = new SpecCopy(this);
        change.accept(b);
        return b.build();
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
