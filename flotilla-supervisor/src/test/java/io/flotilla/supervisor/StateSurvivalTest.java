package io.flotilla.supervisor;

import static io.flotilla.supervisor.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.DeploymentSpec;
import io.flotilla.supervisor.model.ObservedJob;
import io.flotilla.supervisor.model.ObservedState;
import io.flotilla.supervisor.model.Phase;
import io.flotilla.supervisor.model.UpgradeMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every way a job ends without the supervisor asking: it restores only from state that exists,
 * stops retrying what cannot work and says why, and leaves a finished job finished.
 */
class StateSurvivalTest {

    private final TestingPlatform platform = new TestingPlatform("c1");

    StateSurvivalTest() {
        platform.clusters.listsState = true;
        platform.restartSupervisor();
    }

    private String runWithCheckpoints(String name, int checkpoints) {
        platform.deploy(spec(name, "c1"));
        platform.ticks(2);
        String jobId = platform.deployment(name).status().jobId();
        for (int i = 0; i < checkpoints; i++) {
            platform.cluster("c1").checkpoint(jobId);
        }
        platform.ticks(2);
        return jobId;
    }

    @Test
    void aJobWhoseNewestCheckpointIsGoneRestartsFromTheNewestOneThatExistsAndSaysWhy() {
        String jobId = runWithCheckpoints("orders", 3);
        String chk2 = "s3://flotilla-state/c1/checkpoints/" + jobId + "/chk-2";
        String chk3 = "s3://flotilla-state/c1/checkpoints/" + jobId + "/chk-3";
        assertThat(platform.deployment("orders").status().newestRestorable()).isEqualTo(chk3);

        platform.cluster("c1").deleteState(chk3);
        platform.cluster("c1").cancel(jobId); // cancelled outside Flotilla
        platform.ticks(1);
        platform.clock.advance(Duration.ofMinutes(6));
        platform.ticks(3);

        assertThat(platform.cluster("c1").created).hasSize(2);
        assertThat(platform.cluster("c1").created.get(1).restorePath()).isEqualTo(chk2);
        assertThat(platform.store.eventsOf("orders", "RestoreFallback"))
                .singleElement()
                .satisfies(
                        e ->
                                assertThat(e.message())
                                        .contains(chk3 + " does not exist")
                                        .contains(chk2));
        assertThat(platform.deployment("orders").status().phase()).isEqualTo(Phase.RUNNING);
    }

    @Test
    void aRestoreFromStateThatExistsListsOnlyThatPathNotEveryJobsState() {
        String jobId = runWithCheckpoints("orders", 2);
        String chk2 = "s3://flotilla-state/c1/checkpoints/" + jobId + "/chk-2";
        TestingCluster c1 = platform.cluster("c1");
        int full = c1.fullStateListings;

        c1.cancel(jobId);
        platform.ticks(1);
        platform.clock.advance(Duration.ofMinutes(6));
        platform.ticks(3);

        assertThat(c1.created).hasSize(2);
        assertThat(c1.created.get(1).restorePath()).isEqualTo(chk2);
        assertThat(c1.pathStateListings).isEqualTo(1);
        assertThat(c1.fullStateListings).as("full listings of the prefix").isEqualTo(full);
        assertThat(platform.store.eventsOf("orders", "RestoreFallback")).isEmpty();
    }

    @Test
    void anIncompleteCheckpointIsNotRestoredFrom() {
        String jobId = runWithCheckpoints("orders", 2);
        String chk1 = "s3://flotilla-state/c1/checkpoints/" + jobId + "/chk-1";
        String chk2 = "s3://flotilla-state/c1/checkpoints/" + jobId + "/chk-2";

        platform.cluster("c1").breakState(chk2);
        platform.cluster("c1").fail(jobId);
        platform.ticks(1);
        platform.clock.advance(Duration.ofMinutes(6));
        platform.ticks(3);

        assertThat(platform.cluster("c1").created.get(1).restorePath()).isEqualTo(chk1);
        assertThat(platform.store.eventsOf("orders", "RestoreFallback").get(0).message())
                .contains("incomplete (no _metadata)");
    }

    @Test
    void withNothingRestorableLeftTheDeploymentNeedsAttentionInsteadOfRetryingForever() {
        String jobId = runWithCheckpoints("orders", 1);
        platform.cluster("c1")
                .deleteState("s3://flotilla-state/c1/checkpoints/" + jobId + "/chk-1");
        platform.cluster("c1").cancel(jobId);
        platform.ticks(1);
        platform.clock.advance(Duration.ofMinutes(6));
        platform.ticks(30);

        Deployment d = platform.deployment("orders");
        assertThat(d.status().phase()).isEqualTo(Phase.NEEDS_ATTENTION);
        assertThat(d.status().attention().cause()).contains("nothing to restore from");
        assertThat(d.status().attention().options())
                .anySatisfy(o -> assertThat(o).contains("start-from-savepoint"))
                .anySatisfy(o -> assertThat(o).contains("STATELESS"));
        assertThat(d.status().retries()).isEqualTo(1);
        assertThat(platform.cluster("c1").created).hasSize(1);
        assertThat(platform.store.eventsOf("orders", "NeedAttention")).hasSize(1);
    }

    @Test
    void anOperatorsStatelessStartEndsTheAttention() {
        String jobId = runWithCheckpoints("orders", 1);
        platform.cluster("c1")
                .deleteState("s3://flotilla-state/c1/checkpoints/" + jobId + "/chk-1");
        platform.cluster("c1").cancel(jobId);
        platform.ticks(1);
        platform.clock.advance(Duration.ofMinutes(6));
        platform.ticks(3);

        platform.store.updateSpec("orders", s -> s.withUpgradeMode(UpgradeMode.STATELESS));
        platform.ticks(3);

        Deployment d = platform.deployment("orders");
        assertThat(d.status().phase()).isEqualTo(Phase.RUNNING);
        assertThat(d.status().attention()).isNull();
        assertThat(platform.cluster("c1").created).hasSize(2);
        assertThat(platform.cluster("c1").created.get(1).restorePath()).isNull();
    }

    @Test
    void aCrashLoopStopsAfterTheConfiguredFailuresWithTheRetriesCounted() {
        platform.config = TestingPlatform.CONFIG.withCrashLoop(3, Duration.ofHours(1));
        platform.restartSupervisor();
        platform.deploy(spec("orders", "c1"));
        platform.ticks(2);
        for (int i = 0; i < 10; i++) {
            platform.cluster("c1").aliveJobsOf("orders").forEach(j -> j.status = "FAILED");
            platform.ticks(1);
            platform.clock.advance(Duration.ofMinutes(6));
            platform.ticks(2);
        }

        Deployment d = platform.deployment("orders");
        assertThat(d.status().phase()).isEqualTo(Phase.NEEDS_ATTENTION);
        assertThat(d.status().attention().cause()).contains("crash loop").contains("failure 3");
        assertThat(d.status().retries()).isEqualTo(3);
        assertThat(platform.cluster("c1").created).hasSize(3);
    }

    @Test
    void aSubmitRefusedAgainAndAgainNeedsAttentionInsteadOfRetryingForever() {
        platform.config = TestingPlatform.CONFIG.withCrashLoop(3, Duration.ofHours(1));
        platform.restartSupervisor();
        platform.cluster("c1").submitFails = true;
        platform.deploy(spec("orders", "c1"));
        for (int i = 0; i < 10; i++) {
            platform.ticks(1);
            platform.clock.advance(Duration.ofMinutes(6));
        }

        Deployment d = platform.deployment("orders");
        assertThat(d.status().phase()).isEqualTo(Phase.NEEDS_ATTENTION);
        assertThat(d.status().attention().cause()).contains("submit refused 3 times");
        assertThat(d.status().intent()).isNull();
        assertThat(platform.cluster("c1").submitCalls).isEqualTo(3);
    }

    @Test
    void failuresFurtherApartThanTheWindowAreNoCrashLoop() {
        platform.config = TestingPlatform.CONFIG.withCrashLoop(3, Duration.ofMinutes(1));
        platform.restartSupervisor();
        platform.deploy(spec("orders", "c1"));
        platform.ticks(2);
        for (int i = 0; i < 5; i++) {
            platform.cluster("c1").aliveJobsOf("orders").forEach(j -> j.status = "FAILED");
            platform.ticks(1);
            platform.clock.advance(Duration.ofMinutes(10));
            platform.ticks(2);
        }

        assertThat(platform.deployment("orders").status().phase()).isEqualTo(Phase.RUNNING);
        assertThat(platform.cluster("c1").created).hasSize(6);
    }

    @Test
    void aBoundedJobThatFinishesIsFinishedAndNotResubmitted() {
        String jobId = runWithCheckpoints("batch", 1);

        platform.cluster("c1").finish(jobId);
        platform.clock.advance(Duration.ofMinutes(10));
        platform.ticks(10);

        Deployment d = platform.deployment("batch");
        assertThat(d.status().phase()).isEqualTo(Phase.FINISHED);
        assertThat(d.status().jobId()).isNull();
        assertThat(platform.cluster("c1").created).hasSize(1);
        assertThat(platform.store.eventsOf("batch", "JobEnded"))
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("FINISHED"));
    }

    @Test
    void aRunningJobWithoutARecentCheckpointIsShownUnhealthyWithTheReason() {
        DefaultReconciler reconciler =
                new DefaultReconciler(
                        TestingPlatform.CONFIG.withCheckpointHealth(Duration.ofSeconds(10), 3));
        DeploymentSpec spec = spec("orders", "c1");
        Deployment d =
                Deployment.of(spec)
                        .withLastReconciledSpec(spec)
                        .withStatus(s -> s.jobId("j1").phase(Phase.RUNNING));
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        ObservedJob job = new ObservedJob("c1", "j1", "RUNNING", null, null, null, start, null);
        ObservedState observed =
                new ObservedState(io.flotilla.supervisor.model.JobState.RUNNING, job, null, null);

        List<Action> early = reconciler.reconcile(d, observed, start.plusSeconds(25));
        List<Action> late = reconciler.reconcile(d, observed, start.plusSeconds(31));

        assertThat(early).noneMatch(a -> a instanceof Action.SetHealth);
        assertThat(late)
                .filteredOn(a -> a instanceof Action.SetHealth)
                .singleElement()
                .satisfies(
                        a ->
                                assertThat(((Action.SetHealth) a).unhealthyReason())
                                        .contains("no checkpoint completed since the job started")
                                        .contains("PT10S"));

        // A per-deployment interval overrides the cluster's default.
        DeploymentSpec slow = spec.withCheckpointInterval(Duration.ofMinutes(1));
        Deployment slowD = d.withLastReconciledSpec(slow);
        assertThat(reconciler.reconcile(slowD, observed, start.plusSeconds(31)))
                .noneMatch(a -> a instanceof Action.SetHealth);
        // A checkpoint completing makes it healthy again.
        Deployment unhealthy = d.withStatus(s -> s.unhealthy("old reason"));
        ObservedJob checkpointed =
                new ObservedJob(
                        "c1",
                        "j1",
                        "RUNNING",
                        "s3://x/chk-1",
                        null,
                        null,
                        start,
                        start.plusSeconds(30));
        assertThat(
                        reconciler.reconcile(
                                unhealthy,
                                new ObservedState(
                                        io.flotilla.supervisor.model.JobState.RUNNING,
                                        checkpointed,
                                        null,
                                        null),
                                start.plusSeconds(31)))
                .filteredOn(a -> a instanceof Action.SetHealth)
                .singleElement()
                .satisfies(a -> assertThat(((Action.SetHealth) a).unhealthyReason()).isNull());
    }
}
