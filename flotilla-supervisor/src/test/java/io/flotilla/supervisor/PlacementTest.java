package io.flotilla.supervisor;

import static io.flotilla.supervisor.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.supervisor.model.ClusterCapacity;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.DesiredState;
import io.flotilla.supervisor.model.Phase;
import io.flotilla.supervisor.model.Placement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slot-aware placement on fake clusters: waiting for room, pools, and the any-cluster target. */
class PlacementTest {

    private final TestingPlatform platform = new TestingPlatform("c1", "c2", "c3");
    private final List<ClusterCapacity> capacities = new ArrayList<>();

    PlacementTest() {
        platform.catalog = () -> List.copyOf(capacities);
        platform.restartSupervisor();
    }

    @Test
    void aDeploymentThatDoesNotFitWaitsWithTheReasonAndStartsWhenRoomAppears() {
        capacities.add(new ClusterCapacity("c1", null, 4, true));
        platform.deploy(spec("big", "c1").withParallelism(3));
        platform.ticks(2);
        platform.deploy(spec("small", "c1").withParallelism(2));

        platform.ticks(3);

        Deployment waiting = platform.deployment("small");
        assertThat(waiting.status().phase()).isEqualTo(Phase.WAITING_FOR_SLOTS);
        assertThat(waiting.status().waiting())
                .isEqualTo("needs 2 slots: cluster c1 has 1 of 4 free");
        assertThat(waiting.status().jobId()).isNull();
        assertThat(platform.cluster("c1").created).hasSize(1);
        assertThat(platform.store.eventsOf("small", "WaitForSlots")).hasSize(1);

        platform.store.updateSpec("big", s -> s.withDesiredState(DesiredState.STOPPED));
        platform.ticks(8);

        Deployment started = platform.deployment("small");
        assertThat(started.status().phase()).isEqualTo(Phase.RUNNING);
        assertThat(started.status().waiting()).isNull();
        assertThat(platform.cluster("c1").created).hasSize(2);
    }

    @Test
    void aDeploymentWokenByItsCreationCountsTheSlotsOfThoseTheFollowUpDoesNotReconcile() {
        capacities.add(new ClusterCapacity("c1", null, 2, true));
        platform.deploy(spec("wide", "c1").withParallelism(2));
        platform.ticks(2);
        platform.deploy(spec("late", Placement.ANY).withParallelism(1));

        platform.supervisor.wake("late");
        platform.followUp();

        assertThat(platform.deployment("late").status().phase()).isEqualTo(Phase.WAITING_FOR_SLOTS);
        assertThat(platform.cluster("c1").created).hasSize(1);
    }

    @Test
    void twoNewDeploymentsNeverBothTakeTheLastSlotsInOneTick() {
        capacities.add(new ClusterCapacity("c1", null, 2, true));
        platform.deploy(spec("a", "c1").withParallelism(2));
        platform.deploy(spec("b", "c1").withParallelism(2));

        platform.tick();

        assertThat(platform.cluster("c1").created).hasSize(1);
        assertThat(platform.deployment("b").status().phase()).isEqualTo(Phase.WAITING_FOR_SLOTS);
    }

    @Test
    void aPoolDeploymentGoesToTheHealthyMemberWithTheMostFreeSlots() {
        capacities.add(new ClusterCapacity("c1", "batch", 4, true));
        capacities.add(new ClusterCapacity("c2", "batch", 6, true));
        capacities.add(new ClusterCapacity("c3", null, 16, true));
        platform.deploy(spec("filler", "c2").withParallelism(4));
        platform.ticks(2);

        platform.deploy(spec("pooled", Placement.POOL + "batch").withParallelism(1));
        platform.ticks(2);

        Deployment pooled = platform.deployment("pooled");
        assertThat(pooled.currentCluster()).isEqualTo("c1");
        assertThat(pooled.spec().cluster()).isEqualTo("pool:batch");
        assertThat(pooled.status().phase()).isEqualTo(Phase.RUNNING);
        assertThat(platform.cluster("c3").created).isEmpty();
    }

    @Test
    void anUnhealthyPoolMemberIsNotChosenAndAFullPoolSaysWhy() {
        capacities.add(new ClusterCapacity("c1", "batch", 2, true));
        capacities.add(new ClusterCapacity("c2", "batch", 8, false));
        platform.deploy(spec("pooled", "pool:batch").withParallelism(3));

        platform.ticks(2);

        Deployment d = platform.deployment("pooled");
        assertThat(d.status().phase()).isEqualTo(Phase.WAITING_FOR_SLOTS);
        assertThat(d.status().waiting())
                .isEqualTo(
                        "needs 3 slots: no cluster in pool batch is healthy with room"
                                + " (c1: 2 of 2 free; c2: unhealthy)");
        assertThat(platform.cluster("c2").created).isEmpty();

        capacities.set(1, new ClusterCapacity("c2", "batch", 8, true));
        platform.ticks(2);

        assertThat(platform.deployment("pooled").currentCluster()).isEqualTo("c2");
        assertThat(platform.deployment("pooled").status().phase()).isEqualTo(Phase.RUNNING);
    }

    @Test
    void anAnyClusterDeploymentStaysWhereItRunsAcrossAReleaseAndAReconfiguration() {
        capacities.add(new ClusterCapacity("c1", null, 4, true));
        capacities.add(new ClusterCapacity("c2", null, 8, true));
        platform.deploy(spec("orders", Placement.ANY));
        platform.ticks(2);
        assertThat(platform.deployment("orders").currentCluster()).isEqualTo("c2");
        String checkpoint =
                platform.cluster("c2").checkpoint(platform.deployment("orders").status().jobId());
        assertThat(checkpoint).isNotNull();
        // c1 now has more room, but a job is not moved for that.
        capacities.set(1, new ClusterCapacity("c2", null, 2, true));

        platform.store.updateSpec("orders", s -> s.withUpgradeMode(s.upgradeMode()));
        platform.ticks(2);
        assertThat(platform.cluster("c2").created).hasSize(1);
        assertThat(platform.deployment("orders").lastReconciledSpec().cluster()).isEqualTo("c2");

        platform.store.updateSpec("orders", s -> Specs.version(s, "2"));
        platform.ticks(6);

        Deployment d = platform.deployment("orders");
        assertThat(d.currentCluster()).isEqualTo("c2");
        assertThat(d.spec().cluster()).isEqualTo("*");
        assertThat(platform.cluster("c2").created).hasSize(2);
        assertThat(platform.cluster("c1").created).isEmpty();
    }

    @Test
    void aWaitingDeploymentShowsItWaitsAgainAfterItsClusterWasUnreachableAndForgetsItWhenStopped() {
        capacities.add(new ClusterCapacity("c1", null, 1, true));
        platform.deploy(spec("first", "c1"));
        platform.ticks(2);
        platform.deploy(spec("second", "c1"));
        platform.ticks(2);
        assertThat(platform.deployment("second").status().phase())
                .isEqualTo(Phase.WAITING_FOR_SLOTS);

        platform.cluster("c1").unreachable = true;
        platform.ticks(2);
        assertThat(platform.deployment("second").status().phase()).isEqualTo(Phase.UNKNOWN);
        platform.cluster("c1").unreachable = false;
        platform.ticks(10);
        assertThat(platform.deployment("second").status().phase())
                .isEqualTo(Phase.WAITING_FOR_SLOTS);

        platform.store.updateSpec("second", s -> s.withDesiredState(DesiredState.STOPPED));
        platform.ticks(2);
        Deployment stopped = platform.deployment("second");
        assertThat(stopped.status().phase()).isEqualTo(Phase.STOPPED);
        assertThat(stopped.status().waiting()).isNull();
    }

    @Test
    void withoutSlotAccountingANamedClusterIsUsedAsBefore() {
        platform.catalog = null;
        platform.restartSupervisor();
        platform.deploy(spec("orders", "c1").withParallelism(64));

        platform.ticks(2);

        assertThat(platform.deployment("orders").status().phase()).isEqualTo(Phase.RUNNING);
    }
}
