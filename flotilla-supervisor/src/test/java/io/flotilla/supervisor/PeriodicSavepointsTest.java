package io.flotilla.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.Phase;
import io.flotilla.supervisor.model.RetentionPolicy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Periodic savepoints: taken when due of running jobs only, spread, retried, recorded. */
class PeriodicSavepointsTest {

    private static final String JOB = "0123456789abcdef0123456789abcdef";

    private final TestingDeploymentStore store = new TestingDeploymentStore();
    private final TestingSavepoints savepoints = new TestingSavepoints();
    private final TestingClock clock = new TestingClock();
    // A new leader starts each clock half a period back.
    private final PeriodicSavepoints periodic =
            new PeriodicSavepoints(store, savepoints, clock, bound -> bound / 2);

    private static Deployment deployment(String name, Duration every, Phase phase) {
        return Deployment.of(
                        Specs.spec(name, "c1")
                                .withRetention(new RetentionPolicy(null, null, every)))
                .withStatus(b -> b.phase(phase).jobId(JOB));
    }

    @Test
    void aRunningJobIsSavedOncePerPeriodFromHalfAPeriodAfterTheLeaderStarts() {
        List<Deployment> all = List.of(deployment("orders", Duration.ofHours(6), Phase.RUNNING));
        assertThat(periodic.run(all, 7)).isEmpty();
        clock.advance(Duration.ofHours(3).minusSeconds(1));
        assertThat(periodic.run(all, 7)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(periodic.run(all, 7)).containsExactly("orders");
        assertThat(periodic.run(all, 7)).as("not twice").isEmpty();
        clock.advance(Duration.ofHours(6));
        assertThat(periodic.run(all, 7)).containsExactly("orders");
        assertThat(savepoints.triggered).containsExactly("c1/" + JOB, "c1/" + JOB);
        assertThat(savepoints.tokens).as("sent fenced").containsExactly(7L, 7L);
        assertThat(store.eventsOf("orders", "PeriodicSavepoint"))
                .hasSize(2)
                .allSatisfy(
                        e -> {
                            assertThat(e.message()).contains(JOB, "every PT6H");
                            assertThat(e.fencingToken()).isEqualTo(7);
                        });
    }

    @Test
    void onlyRunningJobsThatAskAreSavedAndAFailedTriggerIsTriedAgain() {
        List<Deployment> all =
                List.of(
                        deployment("upgrading", Duration.ofMinutes(1), Phase.UPGRADING),
                        deployment("stopped", Duration.ofMinutes(1), Phase.STOPPED),
                        deployment("never", null, Phase.RUNNING),
                        deployment("orders", Duration.ofMinutes(1), Phase.RUNNING));
        periodic.run(all, 1);
        clock.advance(Duration.ofMinutes(1));
        savepoints.unreachable = true;
        assertThat(periodic.run(all, 1)).isEmpty();
        savepoints.unreachable = false;
        clock.advance(Duration.ofSeconds(1));
        assertThat(periodic.run(all, 1)).containsExactly("orders");
    }

    @Test
    void aReplacedLeaderIsRefusedByTheClusterAndRecordsNoSavepoint() {
        List<Deployment> all = List.of(deployment("orders", Duration.ofMinutes(1), Phase.RUNNING));
        // The successor (token 8) has already spoken to the cluster.
        savepoints.highestToken = 8;
        periodic.run(all, 7);
        clock.advance(Duration.ofMinutes(1));
        assertThat(periodic.run(all, 7)).isEmpty();
        assertThat(savepoints.triggered).isEmpty();
        assertThat(store.eventsOf("orders", "PeriodicSavepoint")).isEmpty();
    }
}
