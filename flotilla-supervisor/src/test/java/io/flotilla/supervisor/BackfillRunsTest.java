package io.flotilla.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.supervisor.model.Backfill;
import io.flotilla.supervisor.model.Cluster;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.DeploymentSpec;
import io.flotilla.supervisor.model.DesiredState;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.model.Phase;
import io.flotilla.supervisor.model.UpgradeMode;
import io.flotilla.supervisor.port.SubmitCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The leader's part of backfills on fakes: placed, submitted from empty state, followed. */
class BackfillRunsTest {

    static final String STREAMING_JOB = "0123456789abcdef0123456789abcdef";

    final TestingDeploymentStore rows = new TestingDeploymentStore();
    final TestingBackfills backfills = new TestingBackfills(rows);
    final TestingClusters clusters = new TestingClusters("cluster-1", "cluster-2");
    final TestingClock clock = new TestingClock();
    int requests;
    final List<Cluster> registered =
            List.of(
                    new Cluster("cluster-1", "http://127.0.0.1:1", "env:T", 2, null),
                    new Cluster("cluster-2", "http://127.0.0.1:2", "env:T", 4, null));
    final BackfillRuns runs =
            new BackfillRuns(
                    backfills, rows, clusters.ports(), new ClusterSlots(() -> registered), clock);

    void deployment(int parallelism) {
        DeploymentSpec spec =
                new DeploymentSpec(
                        "orders",
                        "team",
                        "examples/orders",
                        "1",
                        "s3://a/orders.jar",
                        "0".repeat(64),
                        "io.flotilla.runner.Runner",
                        List.of("--job", "classpath:jobs/orders.yaml", "--save-plan", "s3://p"),
                        parallelism,
                        DesiredState.RUNNING,
                        UpgradeMode.SAVEPOINT,
                        "cluster-1",
                        null,
                        1,
                        null,
                        0);
        rows.rows.put(
                "orders",
                Deployment.of(spec)
                        .withLastReconciledSpec(spec)
                        .withStatus(b -> b.jobId(STREAMING_JOB).phase(Phase.RUNNING)));
    }

    Backfill requested(String into) {
        return backfills.create(
                new Backfill(
                        0,
                        "orders",
                        Instant.parse("2025-12-31T22:00:00Z"),
                        Instant.parse("2025-12-31T23:00:00Z"),
                        into,
                        "1",
                        "fedcba9876543210fedcba98765432" + String.format("%02x", requests++),
                        null,
                        false,
                        Backfill.Status.RUNNING,
                        "ci",
                        clock.now(),
                        null,
                        null,
                        null),
                new Event("orders", clock.now(), "BackfillRequested", "x", 0, "ci"));
    }

    @Test
    void aBackfillIsSubmittedFromEmptyStateWithItsRangeAndFollowedUntilItFinishes() {
        deployment(1);
        requested("order_stats_backfill");
        runs.run(7);
        SubmitCommand sent = clusters.created().get(0);
        assertThat(sent.cluster())
                .as("the deployment's own cluster has room")
                .isEqualTo("cluster-1");
        assertThat(sent.restorePath()).isNull();
        assertThat(sent.jobId()).isEqualTo(backfills.only().jobId()).isNotEqualTo(STREAMING_JOB);
        assertThat(sent.args())
                .containsExactly(
                        "--job", "classpath:jobs/orders.yaml",
                        "--backfill-from", "2025-12-31T22:00:00Z",
                        "--backfill-to", "2025-12-31T23:00:00Z",
                        "--into", "order_stats_backfill");
        assertThat(backfills.only().submitted()).isTrue();
        assertThat(rows.eventsOf("orders", "BackfillStarted")).hasSize(1);

        runs.run(7);
        assertThat(backfills.only().status()).isEqualTo(Backfill.Status.RUNNING);
        clusters.get("cluster-1").finish(sent.jobId());
        runs.run(7);
        assertThat(backfills.only().status()).isEqualTo(Backfill.Status.FINISHED);
        assertThat(backfills.only().ended()).isNotNull();
        assertThat(rows.eventsOf("orders", "BackfillFinished").get(0).message())
                .contains(sent.jobId(), "[2025-12-31T22:00:00Z, 2025-12-31T23:00:00Z)");
        assertThat(rows.get("orders").status().jobId())
                .as("the streaming job is untouched")
                .isEqualTo(STREAMING_JOB);
        assertThat(clusters.created()).hasSize(1);
    }

    @Test
    void aFullOwnClusterSendsItToAnotherWithRoomAndAFailedJobFailsIt() {
        deployment(2);
        requested(null);
        runs.run(7);
        SubmitCommand sent = clusters.created().get(0);
        assertThat(sent.cluster()).isEqualTo("cluster-2");
        assertThat(sent.args()).doesNotContain("--into");
        clusters.get("cluster-2").fail(sent.jobId());
        runs.run(7);
        Backfill failed = backfills.only();
        assertThat(failed.status()).isEqualTo(Backfill.Status.FAILED);
        assertThat(failed.error()).contains(sent.jobId(), "FAILED");
        assertThat(rows.eventsOf("orders", "BackfillFailed")).hasSize(1);
    }

    @Test
    void aSubmitWhoseAnswerWasLostIsFollowedNotSentAgainOnceItsBatchJobEnded() {
        deployment(1);
        requested(null);
        clusters.get("cluster-1").crashAfterNextSubmit = true;
        assertThatThrownBy(() -> runs.run(7)).isInstanceOf(SimulatedCrash.class);
        assertThat(backfills.only().submitted()).as("the answer was lost").isFalse();
        String job = clusters.created().get(0).jobId();
        // A batch job is short: it may have ended before the next round looks.
        clusters.get("cluster-1").finish(job);

        runs.run(7);
        assertThat(clusters.get("cluster-1").submitCalls).as("not submitted again").isEqualTo(1);
        assertThat(backfills.only().submitted()).isTrue();
        assertThat(rows.eventsOf("orders", "BackfillStarted").get(0).message())
                .contains(job, "found on the cluster");
        assertThat(backfills.only().status()).isEqualTo(Backfill.Status.FINISHED);
        assertThat(rows.eventsOf("orders", "BackfillFailed")).isEmpty();
    }

    @Test
    void aPlacedBackfillHoldsItsSlotsSoTheNextOneGoesElsewhereOrWaits() {
        deployment(1);
        requested(null);
        runs.run(7);
        assertThat(clusters.created().get(0).cluster()).isEqualTo("cluster-1");
        requested(null);
        runs.run(7);
        assertThat(clusters.created().get(1).cluster())
                .as("cluster-1's two slots hold the streaming job and the first backfill")
                .isEqualTo("cluster-2");
        for (int i = 0; i < 4; i++) {
            requested(null);
        }
        runs.run(7);
        assertThat(clusters.created()).as("cluster-2 has 4 slots: 3 more fit").hasSize(5);
        assertThat(backfills.running().stream().filter(b -> !b.submitted()))
                .as("the last one waits for room")
                .hasSize(1);
    }

    @Test
    void aSubmitThatWentThroughUnrecordedIsFollowedNotSubmittedAgain() {
        deployment(1);
        requested(null);
        runs.run(7);
        String jobId = clusters.created().get(0).jobId();
        // As when the round's lease ran out between the submit and its record: placed, the job
        // on its cluster, the row not yet submitted; meanwhile the job finished.
        backfills.rows.put(backfills.only().id(), backfills.only().placedOn("cluster-1"));
        clusters.get("cluster-1").finish(jobId);

        runs.run(7);

        Backfill b = backfills.only();
        assertThat(b.status()).as(String.valueOf(b.error())).isEqualTo(Backfill.Status.FINISHED);
        assertThat(b.submitted()).isTrue();
        assertThat(clusters.get("cluster-1").submitCalls).as("a JobID runs once").isEqualTo(1);
        assertThat(rows.eventsOf("orders", "BackfillFinished")).hasSize(1);
    }

    @Test
    void aJobGoneFromItsClusterFailsAfterAGraceAndADeletedDeploymentFailsAtOnce() {
        deployment(1);
        requested(null);
        runs.run(7);
        clusters.get("cluster-1").restart();
        runs.run(7);
        assertThat(backfills.only().status()).isEqualTo(Backfill.Status.RUNNING);
        clock.advance(BackfillRuns.MISSING_GRACE.plus(Duration.ofSeconds(1)));
        runs.run(7);
        assertThat(backfills.only().error()).contains("gone from cluster cluster-1");

        backfills.rows.clear();
        rows.rows.clear();
        requested(null);
        runs.run(7);
        assertThat(backfills.only().error()).contains("was deleted");
    }

    @Test
    void anUnreachableStoreOrClusterLeavesItRunningForTheNextRound() {
        deployment(1);
        requested(null);
        backfills.failWrites = true;
        runs.run(7);
        backfills.failWrites = false;
        assertThat(backfills.only().status()).isEqualTo(Backfill.Status.RUNNING);
        runs.run(7);
        assertThat(backfills.only().submitted()).isTrue();
    }

    @Test
    void aCancelledBackfillHasItsOwnJobCancelledAndEndsCanceledNamingWhoTheStreamingJobUntouched() {
        deployment(1);
        requested(null);
        runs.run(7);
        SubmitCommand sent = clusters.created().get(0);
        backfills.requestCancel(backfills.only().id(), "ops", audit());
        runs.run(7);
        Backfill b = backfills.only();
        assertThat(b.status()).isEqualTo(Backfill.Status.CANCELED);
        assertThat(b.ended()).isNotNull();
        assertThat(clusters.get("cluster-1").cancelCalls).isEqualTo(1);
        assertThat(clusters.get("cluster-1").jobs.get(sent.jobId()).status).isEqualTo("CANCELED");
        assertThat(rows.eventsOf("orders", "BackfillCancelled").get(0).message())
                .contains("job " + sent.jobId(), "cancelled by ops");
        assertThat(rows.eventsOf("orders", "BackfillCancelled").get(0).fencingToken()).isEqualTo(7);
        assertThat(rows.get("orders").status().jobId())
                .as("the streaming job is untouched")
                .isEqualTo(STREAMING_JOB);
        runs.run(7);
        assertThat(clusters.get("cluster-1").cancelCalls).as("ended: not followed").isEqualTo(1);
    }

    @Test
    void aBackfillCancelledBeforeItWasSubmittedEndsAtOnceWithoutAJob() {
        deployment(1);
        requested(null);
        backfills.requestCancel(backfills.only().id(), "ops", audit());
        runs.run(7);
        assertThat(backfills.only().status()).isEqualTo(Backfill.Status.CANCELED);
        assertThat(clusters.created()).isEmpty();
        assertThat(clusters.get("cluster-1").cancelCalls).isZero();
        assertThat(rows.eventsOf("orders", "BackfillCancelled").get(0).message())
                .contains("not yet submitted", "cancelled by ops");
    }

    @Test
    void aClusterThatDoesNotAnswerTheCancelLeavesItRunningWithTheRequestForTheNextRound() {
        deployment(1);
        requested(null);
        runs.run(7);
        backfills.requestCancel(backfills.only().id(), "ops", audit());
        clusters.get("cluster-1").unreachable = true;
        runs.run(7);
        assertThat(backfills.only().status()).isEqualTo(Backfill.Status.RUNNING);
        assertThat(backfills.only().cancelRequestedBy()).isEqualTo("ops");
        clusters.get("cluster-1").unreachable = false;
        runs.run(7);
        assertThat(backfills.only().status()).isEqualTo(Backfill.Status.CANCELED);
    }

    private Event audit() {
        return new Event("orders", clock.now(), "BackfillCancelRequested", "x", 0, "ops");
    }

    @Test
    void aReplacedLeadersRoundIsRefusedAndChangesNothingTheNewLeaderEndsIt() {
        deployment(1);
        requested(null);
        runs.run(9);
        SubmitCommand sent = clusters.created().get(0);
        clusters.get("cluster-1").finish(sent.jobId());
        runs.run(7);
        Backfill b = backfills.only();
        assertThat(b.status())
                .as("the old leader's end is refused")
                .isEqualTo(Backfill.Status.RUNNING);
        assertThat(rows.eventsOf("orders", "BackfillFinished")).isEmpty();
        runs.run(9);
        assertThat(backfills.only().status()).isEqualTo(Backfill.Status.FINISHED);
        assertThat(rows.eventsOf("orders", "BackfillFinished")).hasSize(1);
        assertThat(rows.get("orders").status().jobId()).isEqualTo(STREAMING_JOB);
    }
}
