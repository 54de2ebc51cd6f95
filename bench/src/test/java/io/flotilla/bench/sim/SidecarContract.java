package io.flotilla.bench.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.sidecar.client.SidecarClient;
import io.flotilla.sidecar.client.SidecarException;
import io.flotilla.sidecar.jobs.JobApi;
import io.flotilla.sidecar.state.StateApi;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the supervisor relies on from a sidecar. Run against the real sidecar on the real platform
 * ({@link RealSidecarContractITCase}) and against {@link SimulatedSidecar} ({@link
 * SimulatedSidecarContractTest}), so the simulation used for scale cannot drift.
 */
abstract class SidecarContract {

    /** How long a stop or cancel may take: generous, as the real platform is slow under load. */
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    abstract SidecarClient sidecar();

    /** An artifact the sidecar accepts. */
    abstract JobApi.ArtifactRef artifact();

    private static String newJobId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private JobApi.SubmitRequest request(String jobId) {
        return new JobApi.SubmitRequest(
                artifact(),
                "io.flotilla.examples.orders.OrdersJob",
                List.of("--checkpoint-interval", "1", "--sink", "blackhole"),
                1,
                jobId,
                null,
                null);
    }

    private JobApi.JobView listed(String jobId) {
        return sidecar().jobs().stream()
                .filter(j -> j.jobId().equals(jobId))
                .findFirst()
                .orElseThrow();
    }

    private void awaitCheckpoint(String jobId) {
        // A job to RUNNING and its first checkpoint can take minutes on a loaded machine.
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (System.nanoTime() < deadline) {
            JobApi.JobView j = listed(jobId);
            if (j.status().equals("RUNNING")
                    && j.completedCheckpoints() != null
                    && j.completedCheckpoints() > 0) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no checkpoint of " + jobId);
    }

    @Test
    void submittingAJobIdTwiceCreatesOneJobAndTheListShowsIt() {
        String jobId = newJobId();
        assertThat(sidecar().submit(request(jobId)).created()).isTrue();
        assertThat(sidecar().submit(request(jobId)).created()).isFalse();
        assertThat(sidecar().jobs()).filteredOn(j -> j.jobId().equals(jobId)).hasSize(1);
        awaitCheckpoint(jobId);
        assertThat(listed(jobId).lastCheckpointPath()).contains("/checkpoints/" + jobId + "/chk-");
        sidecar().await(sidecar().cancel(jobId), PATIENCE);
    }

    @Test
    void stopAnswersWithASavepointAndAStopAfterThatWithTheSameOne() {
        String jobId = newJobId();
        sidecar().submit(request(jobId));
        awaitCheckpoint(jobId);
        JobApi.Operation stop = sidecar().await(sidecar().stop(jobId, false), PATIENCE);
        assertThat(stop.status()).isEqualTo("COMPLETED");
        assertThat(stop.location()).contains("/savepoints/" + jobId + "/savepoint-");
        JobApi.Operation again = sidecar().await(sidecar().stop(jobId, false), PATIENCE);
        assertThat(again.location()).isEqualTo(stop.location());
    }

    @Test
    void stoppingAnUnknownJobIs404() {
        try {
            sidecar().stop(newJobId(), false);
            throw new AssertionError("accepted");
        } catch (SidecarException e) {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.code()).isEqualTo("unknown_job");
        }
    }

    @Test
    void aChangeWithAnOlderFencingTokenIsRefused() {
        StateApi.RetentionRequest retention = new StateApi.RetentionRequest(5, "7d", null, true);
        assertThat(sidecar().fenced(1_000_000).retention(retention).dryRun()).isTrue();
        try {
            sidecar().fenced(999_999).retention(retention);
            throw new AssertionError("accepted");
        } catch (SidecarException e) {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.code()).isEqualTo("stale_leader");
        }
    }
}
