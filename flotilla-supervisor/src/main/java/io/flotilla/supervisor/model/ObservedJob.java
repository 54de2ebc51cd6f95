package io.flotilla.supervisor.model;

/**
 * One job as a cluster's list call reports it.
 *
 * @param status Flink's name for the job status (RUNNING, FAILED, RESTARTING, ...)
 */
public record ObservedJob(
        String cluster,
        String jobId,
        String status,
        String lastCheckpointPath,
        String lastSavepointPath,
        String restoredFrom) {

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
