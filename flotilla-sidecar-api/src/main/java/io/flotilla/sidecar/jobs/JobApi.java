package io.flotilla.sidecar.jobs;

import java.time.Instant;
import java.util.List;

/** The request and response bodies of the jobs API. */
public final class JobApi {

    private JobApi() {}

    /** Where a job jar comes from, and its sha256 as the caller built it. */
    public record ArtifactRef(String uri, String sha256) {}

    /**
     * {@code POST /v1/jobs}: run {@code entryClass} from the artifact under the caller's JobID.
     *
     * @param checkpointIntervalMs how often the job checkpoints, or null for the cluster's default
     */
    public record SubmitRequest(
            ArtifactRef artifact,
            String entryClass,
            List<String> args,
            Integer parallelism,
            String jobId,
            String restorePath,
            Boolean allowNonRestoredState,
            Long checkpointIntervalMs) {

        /** A request with the cluster's default checkpoint interval. */
        public SubmitRequest(
                ArtifactRef artifact,
                String entryClass,
                List<String> args,
                Integer parallelism,
                String jobId,
                String restorePath,
                Boolean allowNonRestoredState) {
            this(
                    artifact,
                    entryClass,
                    args,
                    parallelism,
                    jobId,
                    restorePath,
                    allowNonRestoredState,
                    null);
        }
    }

    /** A jar the cluster holds: its sha256, Flink's jar id, its size, and whether it was there. */
    public record Artifact(String sha256, String jarId, long size, boolean reused) {}

    /** {@code GET /v1/jobs}. */
    public record JobList(List<JobView> jobs) {}

    /** One job as the cluster reports it. */
    public record JobView(
            String jobId,
            String name,
            String status,
            Instant startTime,
            Instant endTime,
            Long completedCheckpoints,
            String lastCheckpointPath,
            Instant lastCheckpointTime,
            String lastSavepointPath,
            String restoredFrom) {}

    /** The answer to a submit: the job, and whether this request created it. */
    public record Submitted(JobView job, boolean created, String jarId) {}

    /** {@code POST /v1/jobs/{id}/stop}: stop with a savepoint, draining or not. */
    public record StopRequest(Boolean drain, String targetDirectory) {}

    /** {@code POST /v1/jobs/{id}/savepoints}: a savepoint while the job keeps running. */
    public record SavepointRequest(String targetDirectory) {}

    /**
     * An asynchronous operation: IN_PROGRESS, COMPLETED (with a location for savepoints) or FAILED.
     */
    public record Operation(
            String id, String kind, String jobId, String status, String location, String error) {}

    /** One entry of a job's exception history. */
    public record ExceptionEntry(
            Instant time, String exception, String taskName, String taskManager) {}

    /** A job with its exception history and where its logs are. */
    public record JobDetail(JobView job, List<ExceptionEntry> exceptions, Logs logs) {}

    /** Links to the JobManager's and TaskManagers' logs in the Flink REST API. */
    public record Logs(String jobManager, List<String> taskManagers) {}
}
