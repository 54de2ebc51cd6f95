package io.flotilla.sidecar.jobs;

import io.flotilla.sidecar.flink.FlinkRestException;
import io.flotilla.sidecar.state.LiveJob;
import java.util.function.Supplier;

/**
 * A live job as the state guard sees it, failing closed: the guard protects the paths Flink reports
 * for each live job, so a job whose checkpoint statistics cannot be read makes the whole answer
 * unknown rather than a job without paths to protect.
 */
final class LiveJobs {

    /** The paths Flink reports for a job; any may be null. */
    record Paths(String lastCheckpoint, String lastSavepoint, String restoredFrom) {}

    private LiveJobs() {}

    /**
     * @param stats reads the job's checkpoint statistics; Flink answers 404 for a job without
     *     checkpointing, which has none to protect
     * @throws IllegalStateException when the statistics cannot be read
     */
    static LiveJob of(String jobId, String status, Supplier<Paths> stats) {
        Paths p;
        try {
            p = stats.get();
        } catch (FlinkRestException e) {
            if (!e.notFound()) {
                throw new IllegalStateException(
                        "the checkpoint statistics of live job "
                                + jobId
                                + " ("
                                + status
                                + ") cannot be read: "
                                + e.getMessage(),
                        e);
            }
            p = new Paths(null, null, null);
        }
        return new LiveJob(jobId, status, p.lastCheckpoint(), p.lastSavepoint(), p.restoredFrom());
    }
}
