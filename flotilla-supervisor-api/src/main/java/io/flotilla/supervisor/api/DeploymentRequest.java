package io.flotilla.supervisor.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * {@code POST /v1/deployments} (every field but the optional ones required) and {@code PUT
 * /v1/deployments/{name}} (absent fields keep their value; {@code expectedGeneration} required).
 * {@code desiredState} and {@code upgradeMode} are names of {@link DesiredState} and {@link
 * UpgradeMode}, checked by the supervisor so a wrong one gets an error naming the choices. {@code
 * checkpointInterval} is how often the job checkpoints, e.g. {@code "30s"} or {@code "PT1M"} (100
 * ms to 1 day); absent, the cluster's default. {@code flinkVersion} is the range of Flink versions
 * the job may run on, e.g. {@code ">=2.0 <2.3"}, {@code "2.2.x"}, {@code ">=2.1"} or {@code
 * "2.0.0"}; absent, any.
 */
public record DeploymentRequest(
        String name,
        String owner,
        String module,
        String version,
        String artifactUri,
        String artifactSha256,
        String entryClass,
        List<String> args,
        Integer parallelism,
        @Schema(implementation = DesiredState.class) String desiredState,
        @Schema(implementation = UpgradeMode.class) String upgradeMode,
        String cluster,
        RetentionRequest retention,
        @Schema(description = "the generation the change is based on; required by PUT")
                Long expectedGeneration,
        @Schema(
                        description =
                                "How often the job checkpoints, e.g. \"30s\" or \"PT1M\" (100ms to"
                                        + " 1d); absent: the cluster's default")
                String checkpointInterval,
        @Schema(
                        description =
                                "The Flink versions the job may run on: comparisons that must all"
                                        + " hold (>=, >, <=, <, =), e.g. \">=2.0 <2.3\", \">=2.1\","
                                        + " \"2.2.x\" or \"2.0.0\"; absent: any version")
                String flinkVersion) {

    /**
     * A {@code POST} of a new deployment: what it runs and where; each {@code with...} sets one of
     * the optional parts, the others take the supervisor's defaults.
     */
    public static DeploymentRequest create(
            String name,
            String owner,
            String module,
            String version,
            String artifactUri,
            String artifactSha256,
            String entryClass,
            List<String> args,
            String cluster) {
        return new DeploymentRequest(
                name,
                owner,
                module,
                version,
                artifactUri,
                artifactSha256,
                entryClass,
                args,
                null,
                null,
                null,
                cluster,
                null,
                null,
                null,
                null);
    }

    /**
     * A {@code PUT} based on {@code expectedGeneration} that changes nothing yet: each {@code
     * with...} sets one part to change, every other part keeps its value.
     */
    public static DeploymentRequest change(long expectedGeneration) {
        return new DeploymentRequest(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                expectedGeneration,
                null,
                null);
    }

    /** The same request naming another version (its build stays unless also changed). */
    public DeploymentRequest withVersion(String value) {
        return copy(b -> b.version = value);
    }

    public DeploymentRequest withEntryClass(String value) {
        return copy(b -> b.entryClass = value);
    }

    public DeploymentRequest withArgs(List<String> value) {
        return copy(b -> b.args = value);
    }

    /** The same request checkpointing every {@code interval}, e.g. {@code "30s"}. */
    public DeploymentRequest withCheckpointInterval(String interval) {
        return copy(b -> b.checkpointInterval = interval);
    }

    public DeploymentRequest withParallelism(Integer value) {
        return copy(b -> b.parallelism = value);
    }

    public DeploymentRequest withDesiredState(DesiredState value) {
        return copy(b -> b.desiredState = value == null ? null : value.name());
    }

    public DeploymentRequest withUpgradeMode(UpgradeMode value) {
        return copy(b -> b.upgradeMode = value == null ? null : value.name());
    }

    public DeploymentRequest withRetention(RetentionRequest value) {
        return copy(b -> b.retention = value);
    }

    /** The same request asking for Flink versions in {@code range} (e.g. {@code ">=2.3"}). */
    public DeploymentRequest withFlinkVersion(String range) {
        return copy(b -> b.flinkVersion = range);
    }

    /** The same request placed on {@code target}: a cluster, {@code pool:NAME} or {@code *}. */
    public DeploymentRequest withCluster(String target) {
        return copy(b -> b.cluster = target);
    }

    private DeploymentRequest copy(java.util.function.Consumer<Parts> change) {
        Parts parts = new Parts(this);
        change.accept(parts);
        return parts.request();
    }

    /** The parts of a request, for the withers to change one and build the next. */
    private static final class Parts {
        private final DeploymentRequest from;
        private String version;
        private String entryClass;
        private List<String> args;
        private Integer parallelism;
        private String desiredState;
        private String upgradeMode;
        private String cluster;
        private RetentionRequest retention;
        private String checkpointInterval;
        private String flinkVersion;

        Parts(DeploymentRequest from) {
            this.from = from;
            this.version = from.version;
            this.entryClass = from.entryClass;
            this.args = from.args;
            this.parallelism = from.parallelism;
            this.desiredState = from.desiredState;
            this.upgradeMode = from.upgradeMode;
            this.cluster = from.cluster;
            this.retention = from.retention;
            this.checkpointInterval = from.checkpointInterval;
            this.flinkVersion = from.flinkVersion;
        }

        DeploymentRequest request() {
            return new DeploymentRequest(
                    from.name,
                    from.owner,
                    from.module,
                    version,
                    from.artifactUri,
                    from.artifactSha256,
                    entryClass,
                    args,
                    parallelism,
                    desiredState,
                    upgradeMode,
                    cluster,
                    retention,
                    from.expectedGeneration,
                    checkpointInterval,
                    flinkVersion);
        }
    }
}
