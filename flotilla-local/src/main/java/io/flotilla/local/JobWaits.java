package io.flotilla.local;

import io.flotilla.local.process.PlatformException;
import io.flotilla.local.process.S3Store;
import io.flotilla.sidecar.flink.FlinkRest;
import io.flotilla.sidecar.flink.FlinkRestException;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.runtime.rest.handler.async.AsynchronousOperationResult;
import org.apache.flink.runtime.rest.messages.TriggerId;
import org.apache.flink.runtime.rest.messages.checkpoints.CheckpointStatistics;
import org.apache.flink.runtime.rest.messages.checkpoints.CheckpointingStatistics;
import org.apache.flink.runtime.rest.messages.job.savepoints.SavepointInfo;

/** Polling waits on a job's state through the Flink REST port, for the demo and the tests. */
public final class JobWaits {

    private final FlinkRest rest;

    public JobWaits(FlinkRest rest) {
        this.rest = rest;
    }

    /** Waits until every task of the job runs. */
    public void running(JobID jobId, Duration limit) {
        until(
                limit,
                "job " + jobId + " to run",
                () -> {
                    var job = rest.job(jobId);
                    if (job.getJobStatus().isGloballyTerminalState()) {
                        throw new PlatformException(
                                "job "
                                        + jobId
                                        + " ended as "
                                        + job.getJobStatus()
                                        + " while starting");
                    }
                    return job.getJobStatus() == JobStatus.RUNNING
                            && job.getJobVertexInfos().stream()
                                    .allMatch(v -> v.getExecutionState().name().equals("RUNNING"));
                });
    }

    /** Waits for a completed checkpoint newer than {@code afterCount}; returns its statistics. */
    public CheckpointStatistics.CompletedCheckpointStatistics checkpointAfter(
            JobID jobId, long afterCount, Duration limit) {
        CheckpointStatistics.CompletedCheckpointStatistics[] found = {null};
        until(
                limit,
                "a completed checkpoint of job " + jobId,
                () -> {
                    CheckpointingStatistics stats = rest.checkpoints(jobId);
                    if (stats.getCounts().getNumberCompletedCheckpoints() > afterCount) {
                        found[0] = stats.getLatestCheckpoints().getCompletedCheckpointStatistics();
                        return found[0] != null;
                    }
                    return false;
                });
        return found[0];
    }

    /**
     * Waits until Flink's checkpoint statistics name the checkpoint or savepoint the job restored
     * from (they are served from a cache, so they can lag the job's RUNNING); returns them.
     */
    public CheckpointingStatistics.RestoredCheckpointStatistics restored(
            JobID jobId, Duration limit) {
        CheckpointingStatistics.RestoredCheckpointStatistics[] found = {null};
        until(
                limit,
                "the restore statistics of job " + jobId,
                () -> {
                    found[0] =
                            rest.checkpoints(jobId)
                                    .getLatestCheckpoints()
                                    .getRestoredCheckpointStatistics();
                    return found[0] != null;
                });
        return found[0];
    }

    /** Waits for an asynchronous savepoint operation; returns the savepoint's location. */
    public String savepoint(JobID jobId, TriggerId trigger, Duration limit) {
        String[] location = {null};
        until(
                limit,
                "savepoint " + trigger + " of job " + jobId,
                () -> {
                    AsynchronousOperationResult<SavepointInfo> result =
                            rest.savepoint(jobId, trigger);
                    if (result.queueStatus().getId().name().equals("IN_PROGRESS")) {
                        return false;
                    }
                    SavepointInfo info = result.resource();
                    if (info.getFailureCause() != null) {
                        throw new PlatformException(
                                "savepoint of job "
                                        + jobId
                                        + " failed: "
                                        + info.getFailureCause().getMessage());
                    }
                    location[0] = info.getLocation();
                    return true;
                });
        return location[0];
    }

    /** Waits until the job reaches a globally terminal state; returns it. */
    public JobStatus terminal(JobID jobId, Duration limit) {
        JobStatus[] status = {null};
        until(
                limit,
                "job " + jobId + " to end",
                () -> {
                    status[0] = rest.job(jobId).getJobStatus();
                    return status[0].isGloballyTerminalState();
                });
        return status[0];
    }

    private static void until(Duration limit, String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.get()) {
                    return;
                }
            } catch (PlatformException e) {
                throw e;
            } catch (FlinkRestException e) {
                last = e;
            }
            S3Store.sleep(50);
        }
        throw new PlatformException(
                "gave up waiting for "
                        + what
                        + " after "
                        + limit.toSeconds()
                        + " s"
                        + (last == null ? "" : " (last error: " + last.getMessage() + ")"));
    }
}
