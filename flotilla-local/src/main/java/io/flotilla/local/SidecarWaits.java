package io.flotilla.local;

import io.flotilla.local.process.PlatformException;
import io.flotilla.local.process.S3Store;
import io.flotilla.sidecar.client.SidecarClient;
import io.flotilla.sidecar.client.SidecarException;
import io.flotilla.sidecar.jobs.JobApi;
import java.time.Duration;
import java.util.function.Predicate;

/** Polling waits on a job through a sidecar, for the demo and the tests. */
public final class SidecarWaits {

    private SidecarWaits() {}

    /**
     * Polls the job until {@code condition} holds; fails if the job ends first or time runs out.
     */
    public static JobApi.JobView until(
            SidecarClient sidecar,
            String jobId,
            Duration limit,
            String what,
            Predicate<JobApi.JobView> condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        JobApi.JobView last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = sidecar.job(jobId).job();
                if (condition.test(last)) {
                    return last;
                }
                if (!what.contains("FINISHED")
                        && !what.contains("CANCELED")
                        && java.util.Set.of("FINISHED", "CANCELED", "FAILED")
                                .contains(last.status())) {
                    throw new PlatformException(
                            "job "
                                    + jobId
                                    + " ended as "
                                    + last.status()
                                    + " while waiting for "
                                    + what);
                }
            } catch (SidecarException e) {
                if (e.status() != 404) {
                    throw e;
                }
            }
            S3Store.sleep(250);
        }
        throw new PlatformException(
                "gave up waiting for "
                        + what
                        + " of job "
                        + jobId
                        + " after "
                        + limit.toSeconds()
                        + " s (last seen: "
                        + (last == null ? "nothing" : last.status())
                        + ")");
    }
}
