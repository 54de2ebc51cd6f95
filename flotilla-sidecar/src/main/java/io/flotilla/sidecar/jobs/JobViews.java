package io.flotilla.sidecar.jobs;

import io.flotilla.sidecar.jobs.JobApi.JobView;
import java.time.Instant;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.runtime.rest.messages.checkpoints.CheckpointStatistics;
import org.apache.flink.runtime.rest.messages.checkpoints.CheckpointingStatistics;

/** Builds the API's view of a job from what Flink's REST API reports of it. */
final class JobViews {

    private JobViews() {}

    /** The view of one job; {@code stats} null when Flink gave no checkpoint statistics. */
    static JobView of(
            JobID jobId,
            String name,
            JobStatus status,
            long start,
            long end,
            CheckpointingStatistics stats) {
        Long completed = null;
        String lastPath = null;
        Instant lastTime = null;
        String savepoint = null;
        String restored = null;
        if (stats != null) {
            completed = stats.getCounts().getNumberCompletedCheckpoints();
            CheckpointStatistics.CompletedCheckpointStatistics last =
                    stats.getLatestCheckpoints().getCompletedCheckpointStatistics();
            if (last != null) {
                lastTime = Instant.ofEpochMilli(last.getLatestAckTimestamp());
            }
            LiveJobs.Paths p = paths(stats);
            lastPath = p.lastCheckpoint();
            savepoint = p.lastSavepoint();
            restored = p.restoredFrom();
        }
        return new JobView(
                jobId.toHexString(),
                name,
                status.name(),
                start > 0 ? Instant.ofEpochMilli(start) : null,
                end > 0 ? Instant.ofEpochMilli(end) : null,
                completed,
                lastPath,
                lastTime,
                savepoint,
                restored);
    }

    /** The paths Flink reports for a job: its last checkpoint, last savepoint, restored-from. */
    static LiveJobs.Paths paths(CheckpointingStatistics stats) {
        var last = stats.getLatestCheckpoints().getCompletedCheckpointStatistics();
        var restored = stats.getLatestCheckpoints().getRestoredCheckpointStatistics();
        return new LiveJobs.Paths(
                last == null ? null : last.getExternalPath(),
                latestSavepoint(stats),
                restored == null ? null : restored.getExternalPath());
    }

    /**
     * The newest completed savepoint: Flink reports a stop-with-savepoint's savepoint in the
     * history and as the latest completed checkpoint, not always as "latest savepoint".
     */
    static String latestSavepoint(CheckpointingStatistics stats) {
        var latest = stats.getLatestCheckpoints();
        if (latest.getSavepointStatistics() != null) {
            return latest.getSavepointStatistics().getExternalPath();
        }
        if (latest.getCompletedCheckpointStatistics() != null
                && latest.getCompletedCheckpointStatistics().isSavepoint()) {
            return latest.getCompletedCheckpointStatistics().getExternalPath();
        }
        return stats.getHistory().stream()
                .filter(
                        c ->
                                c.isSavepoint()
                                        && c
                                                instanceof
                                                CheckpointStatistics.CompletedCheckpointStatistics)
                .map(
                        c ->
                                ((CheckpointStatistics.CompletedCheckpointStatistics) c)
                                        .getExternalPath())
                .findFirst()
                .orElse(null);
    }
}
