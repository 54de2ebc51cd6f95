package io.flotilla.cli.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The supervisor's request and response bodies as the CLI reads and writes them. Kept in one place
 * so they are swapped for flotilla-supervisor-api's records in one step.
 */
public final class Records {

    private Records() {}

    /** A deployment: its spec, phase and status. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Deployment(
            String name,
            long generation,
            Phase phase,
            String cluster,
            Spec spec,
            Status status,
            Instant createdAt,
            Instant updatedAt) {}

    /** The desired state of a deployment. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Spec(
            String name,
            String owner,
            String module,
            String version,
            String artifactUri,
            String artifactSha256,
            String entryClass,
            List<String> args,
            int parallelism,
            String desiredState,
            String upgradeMode,
            String cluster,
            String restoreFrom,
            long generation) {}

    /** What the supervisor knows about a deployment's job. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Status(
            String jobId,
            Phase phase,
            String lastSavepoint,
            String lastCheckpoint,
            int retries,
            Instant nextRetryAt,
            String error,
            ReleaseInProgress release) {}

    /** The release being proven. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReleaseInProgress(String savepoint, Instant startedAt, Instant deadline) {}

    /** {@code GET /v1/deployments}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DeploymentList(List<Deployment> deployments) {}

    /** {@code POST /v1/deployments} and {@code PUT /v1/deployments/{name}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SpecRequest(
            String name,
            String owner,
            String module,
            String version,
            String artifactUri,
            String artifactSha256,
            String entryClass,
            List<String> args,
            Integer parallelism,
            String desiredState,
            String upgradeMode,
            String cluster,
            Long expectedGeneration) {}

    /** Body of start, stop and restart. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChangeRequest(Long expectedGeneration) {}

    /** {@code POST /v1/deployments/{name}/start-from-savepoint}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FromSavepointRequest(String savepoint, Long expectedGeneration) {}

    /** {@code POST /v1/deployments/{name}/releases}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReleaseRequest(
            String version,
            String artifactUri,
            String artifactSha256,
            String upgradeMode,
            Long expectedGeneration) {}

    /** One entry of {@code GET /v1/deployments/{name}/releases}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReleaseEntry(
            String status, Instant at, String who, String reason, String savepoint) {}

    /** {@code GET /v1/deployments/{name}/releases}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Releases(String deployment, List<ReleaseEntry> releases) {}

    /** The current run. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Run(
            String jobId,
            String cluster,
            Phase phase,
            String version,
            String restoredFrom,
            String lastCheckpoint,
            String lastSavepoint,
            int retries,
            Instant nextRetryAt,
            String error) {}

    /** One submission. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Submission(Instant at, String message) {}

    /** {@code GET /v1/deployments/{name}/runs}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Runs(Run current, List<Submission> submissions) {}

    /** {@code GET /v1/deployments/{name}/state}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record State(String deployment, List<String> pinned, Map<String, Object> retention) {}

    /** One audit log entry. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Event(
            long id, String deployment, Instant at, String type, String message, String who) {}

    /** {@code GET /v1/events}: one page. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Events(List<Event> events, String next) {}

    /** A registered cluster. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cluster(
            String name,
            String sidecarUrl,
            int slots,
            boolean lost,
            Instant lostAt,
            int deployments) {}

    /** {@code GET /v1/clusters}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Clusters(List<Cluster> clusters) {}

    /** One table a job reads or writes. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LineageTable(
            String name,
            String connector,
            String location,
            String format,
            String owner,
            String declaredBy) {}

    /** The lineage document the DSL derives from a job's plan. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Lineage(
            String job, String declaredBy, List<LineageTable> reads, List<LineageTable> writes) {}

    /**
     * One page of the log of the cluster a deployment runs on: pass {@code next} as {@code offset}
     * for newer lines, {@code previous} as {@code before} for older ones.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LogPage(
            String deployment,
            String cluster,
            String source,
            String taskManager,
            List<String> taskManagers,
            String jobId,
            long offset,
            long end,
            Long previous,
            long next,
            List<String> lines) {}

    /** The body of every error answer. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ErrorBody(ApiError error) {}

    /** An error: its code, message and the field it is about. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ApiError(String code, String message, String field) {}
}
