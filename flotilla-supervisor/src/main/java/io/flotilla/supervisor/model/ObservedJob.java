package io.flotilla.supervisor.model;

import java.time.Instant;

/**
 * One job as a cluster's list call reports it.
 *
 * @param status Flink's name for the job status (RUNNING, FAILED, RESTARTING, ...)
 * @param startTime when the job started, or null when unknown
 * @param lastCheckpointTime when its newest checkpoint completed, or null
 */
public record ObservedJob(
        String cluster,
        String jobId,
        String status,
        String lastCheckpointPath,
        String lastSavepointPath,
        String restoredFrom,
        Instant startTime,
        Instant lastCheckpointTime) {

    /** A job whose start and checkpoint times are not known. */
    public ObservedJob(
            String cluster,
            String jobId,
            String status,
            String lastCheckpointPath,
            String lastSavepointPath,
            String restoredFrom) {
        this(
                cluster,
                jobId,
                status,
                lastCheckpointPath,
                lastSavepointPath,
                restoredFrom,
                null,
                null);
    }

    public JobState state() {
        return JobState.ofFlinkStatus(status);
    }

    /**
     * Whether the job completed a checkpoint of its own; until then its only state is what it
     * restored from, so it has not proven it can make progress.
     */
    public boolean hasOwnCheckpoint() {
        return lastCheckpointPath != null && !lastCheckpointPath.equals(restoredFrom);
    }
}
