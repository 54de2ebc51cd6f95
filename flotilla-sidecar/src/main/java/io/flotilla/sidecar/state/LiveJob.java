package io.flotilla.sidecar.state;

/**
 * A job the cluster runs, restarts or holds suspended, with the paths Flink itself reports for it;
 * any of the paths may be null.
 */
public record LiveJob(
        String jobId,
        String status,
        String latestCheckpointPath,
        String latestSavepointPath,
        String restoredFromPath) {}
