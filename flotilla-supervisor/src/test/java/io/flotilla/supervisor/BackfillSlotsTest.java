package io.flotilla.supervisor;

import static io.flotilla.supervisor.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.supervisor.model.Backfill;
import io.flotilla.supervisor.model.ClusterCapacity;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.model.Phase;
import io.flotilla.supervisor.model.Placement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Placement of deployments' jobs beside running backfills, on fakes: the slots a placed backfill
 * holds are taken, once, until it ends.
 */
class BackfillSlotsTest {

    private static final long LEADER = 100;

    private final TestingPlatform platform = new TestingPlatform("c1", "c2", "c3");
    private final List<ClusterCapacity> capacities = new ArrayList<>();
    private final BackfillRuns runs;
    private int requests;

    BackfillSlotsTest() {
        platform.catalog = () -> List.copyOf(capacities);
        platform.restartSupervisor();
        runs =
                new BackfillRuns(
                        platform.backfills,
                        platform.store,
                        platform.clusters.ports(),
                        platform.catalog,
                        platform.clock);
    }

    /** A running deployment {@code name} of {@code parallelism} on {@code cluster}. */
    private void running(String name, String cluster, int parallelism) {
        platform.deploy(spec(name, cluster).withParallelism(parallelism));
        platform.ticks(2);
        assertThat(platform.deployment(name).status().phase()).isEqualTo(Phase.RUNNING);
    }

    /** A backfill of {@code deployment}, placed and submitted by the leader's round. */
    private Backfill backfillOf(String deployment) {
        Backfill b = requested(deployment);
        runs.run(LEADER);
        Backfill placed = platform.backfills.get(deployment, b.id()).orElseThrow();
        assertThat(placed.submitted()).isTrue();
        return placed;
    }

    private Backfill requested(String deployment) {
        Instant now = platform.clock.now();
        return platform.backfills.create(
                new Backfill(
                        0,
                        deployment,
                        Instant.parse("2025-12-31T22:00:00Z"),
                        Instant.parse("2025-12-31T23:00:00Z"),
                        null,
                        "1",
                        "fedcba9876543210fedcba98765432" + String.format("%02x", requests++),
                        null,
                        false,
                        Backfill.Status.RUNNING,
                        "ci",
                        now,
                        null,
                        null,
                        null),
                new Event(deployment, now, "BackfillRequested", "x", 0, "ci"));
    }

    @Test
    void aDeploymentWaitsForSlotsARunningBackfillHolds() {
        capacities.add(new ClusterCapacity("c1", null, 4, true));
        running("orders", "c1", 2);
        Backfill b = backfillOf("orders");
        assertThat(b.cluster()).isEqualTo("c1");

        platform.deploy(spec("late", "c1").withParallelism(1));
        platform.ticks(3);

        Deployment late = platform.deployment("late");
        assertThat(late.status().phase()).isEqualTo(Phase.WAITING_FOR_SLOTS);
        assertThat(late.status().waiting())
                .isEqualTo(
                        "needs 1 slots: cluster c1 has 0 of 4 free (backfill "
                                + b.id()
                                + " of orders holds 2)");
        assertThat(platform.cluster("c1").created)
                .as("the streaming job and the backfill's: nothing waits inside Flink")
                .hasSize(2);
    }

    @Test
    void aFinishedBackfillFreesItsSlots() {
        capacities.add(new ClusterCapacity("c1", null, 4, true));
        running("orders", "c1", 2);
        Backfill b = backfillOf("orders");
        platform.deploy(spec("late", "c1").withParallelism(2));
        platform.ticks(2);
        assertThat(platform.deployment("late").status().phase()).isEqualTo(Phase.WAITING_FOR_SLOTS);

        platform.cluster("c1").finish(b.jobId());
        runs.run(LEADER);
        platform.ticks(2);

        Deployment late = platform.deployment("late");
        assertThat(late.status().phase()).isEqualTo(Phase.RUNNING);
        assertThat(late.status().waiting()).isNull();
        assertThat(late.currentCluster()).isEqualTo("c1");
    }

    @Test
    void aPoolDeploymentGoesToAnotherClusterWhenABackfillFillsOne() {
        capacities.add(new ClusterCapacity("c1", "batch", 8, true));
        capacities.add(new ClusterCapacity("c2", "batch", 4, true));
        capacities.add(new ClusterCapacity("c3", null, 6, true));
        running("orders", "c3", 6);
        Backfill b = backfillOf("orders");
        assertThat(b.cluster())
                .as("its own cluster is full: the one with most room")
                .isEqualTo("c1");

        platform.deploy(spec("pooled", Placement.POOL + "batch").withParallelism(3));
        platform.ticks(2);

        Deployment pooled = platform.deployment("pooled");
        assertThat(pooled.status().phase()).isEqualTo(Phase.RUNNING);
        assertThat(pooled.currentCluster())
                .as("c1 has 8 slots, but the backfill holds 6 of them")
                .isEqualTo("c2");
        assertThat(platform.cluster("c1").created).hasSize(1);
    }

    @Test
    void aFullPoolSaysWhichBackfillHoldsItsSlots() {
        capacities.add(new ClusterCapacity("c1", "batch", 2, true));
        running("orders", "c1", 2);
        capacities.add(new ClusterCapacity("c2", "batch", 2, true));
        Backfill b = backfillOf("orders");
        assertThat(b.cluster()).isEqualTo("c2");

        platform.deploy(spec("pooled", Placement.POOL + "batch").withParallelism(1));
        platform.ticks(2);

        assertThat(platform.deployment("pooled").status().waiting())
                .isEqualTo(
                        "needs 1 slots: no cluster in pool batch is healthy with room"
                                + " (c1: 0 of 2 free; c2: 0 of 2 free (backfill "
                                + b.id()
                                + " of orders holds 2))");
    }

    @Test
    void aBackfillItsClusterListsIsCountedOnce() {
        capacities.add(new ClusterCapacity("c1", null, 6, true));
        running("orders", "c1", 2);
        Backfill b = backfillOf("orders");
        assertThat(platform.cluster("c1").list())
                .as("the cluster lists the backfill's job beside the streaming one")
                .anyMatch(j -> j.jobId().equals(b.jobId()));

        platform.deploy(spec("late", "c1").withParallelism(2));
        platform.ticks(2);
        platform.deploy(spec("last", "c1").withParallelism(1));
        platform.ticks(2);

        assertThat(platform.deployment("late").status().phase())
                .as("6 slots: 2 for orders, 2 for its backfill, 2 free")
                .isEqualTo(Phase.RUNNING);
        assertThat(platform.deployment("last").status().waiting())
                .isEqualTo(
                        "needs 1 slots: cluster c1 has 0 of 6 free (backfill "
                                + b.id()
                                + " of orders holds 2)");
    }

    @Test
    void aBackfillHoldsItsSlotsEvenWhenItsClusterShrankUnderIt() {
        capacities.add(new ClusterCapacity("c1", null, 4, true));
        running("orders", "c1", 2);
        backfillOf("orders");
        // A TaskManager was lost: the sidecar reports fewer slots than the jobs there take.
        capacities.set(0, new ClusterCapacity("c1", null, 3, true));

        platform.deploy(spec("tiny", "c1").withParallelism(1));
        platform.ticks(2);

        assertThat(platform.deployment("tiny").status().phase()).isEqualTo(Phase.WAITING_FOR_SLOTS);
        assertThat(platform.deployment("tiny").status().waiting()).contains("0 of 3 free");
    }

    @Test
    void aBackfillNotYetPlacedHoldsNoSlots() {
        capacities.add(new ClusterCapacity("c1", null, 2, true));
        running("orders", "c1", 1);
        requested("orders");

        platform.deploy(spec("late", "c1").withParallelism(1));
        platform.ticks(2);

        assertThat(platform.deployment("late").status().phase()).isEqualTo(Phase.RUNNING);
    }

    @Test
    void theRunningBackfillsAreReadOncePerTickWhateverTheNumberOfDeployments() {
        capacities.add(new ClusterCapacity("c1", null, 1000, true));
        for (int i = 0; i < 300; i++) {
            platform.deploy(spec("d" + i, "c1"));
        }
        int before = platform.backfills.runningReads;

        platform.tick();

        assertThat(platform.backfills.runningReads - before).isEqualTo(1);
        assertThat(platform.cluster("c1").created).hasSize(300);
    }
}
