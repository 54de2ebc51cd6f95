package io.flotilla.supervisor;

import static io.flotilla.supervisor.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.supervisor.model.Cluster;
import io.flotilla.supervisor.model.ClusterCapacity;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.model.Phase;
import io.flotilla.supervisor.model.Placement;
import io.flotilla.supervisor.port.SlotCounter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Placement on fake clusters of mixed Flink versions: a spec's range picks and refuses clusters.
 */
class PlacementByFlinkVersionTest {

    private final TestingPlatform platform = new TestingPlatform("c1", "c2", "c3");
    private final List<ClusterCapacity> capacities = new ArrayList<>();

    PlacementByFlinkVersionTest() {
        platform.catalog = () -> List.copyOf(capacities);
        platform.restartSupervisor();
    }

    @Test
    void anyClusterMeansOnlyClustersInTheRangeMostFreeSlotsFirst() {
        capacities.add(new ClusterCapacity("c1", null, 16, true, "2.0.0"));
        capacities.add(new ClusterCapacity("c2", null, 4, true, "2.3.0"));
        capacities.add(new ClusterCapacity("c3", null, 8, true, "2.3.1"));

        platform.deploy(spec("new", Placement.ANY).withFlinkVersion(">=2.3"));
        platform.deploy(spec("old", Placement.ANY).withFlinkVersion("2.0.x"));
        platform.deploy(spec("free", Placement.ANY));
        platform.ticks(2);

        assertThat(platform.deployment("new").currentCluster()).isEqualTo("c3");
        assertThat(platform.deployment("old").currentCluster()).isEqualTo("c1");
        assertThat(platform.deployment("free").currentCluster()).isEqualTo("c1");
        assertThat(platform.deployment("new").status().phase()).isEqualTo(Phase.RUNNING);
    }

    @Test
    void aPoolWithoutAClusterInTheRangeWaitsSayingWhichVersionsItHasAndStartsWhenOneAppears() {
        capacities.add(new ClusterCapacity("c1", "batch", 8, true, "2.0.0"));
        capacities.add(new ClusterCapacity("c2", "batch", 8, true, null));
        capacities.add(new ClusterCapacity("c3", null, 8, true, "2.3.0"));

        platform.deploy(spec("pooled", "pool:batch").withFlinkVersion(">=2.3"));
        platform.ticks(2);

        Deployment d = platform.deployment("pooled");
        assertThat(d.status().phase()).isEqualTo(Phase.WAITING_FOR_SLOTS);
        assertThat(d.status().waiting())
                .isEqualTo(
                        "no cluster in pool batch runs a Flink version in the spec's flinkVersion"
                                + " range >=2.3 (c1: Flink 2.0.0; c2: Flink version unknown; a"
                                + " cluster whose version is unknown is chosen only by name):"
                                + " widen the range, name a cluster or add one that runs such a"
                                + " version");
        assertThat(platform.cluster("c3").created).isEmpty();
        assertThat(platform.store.eventsOf("pooled", "WaitForSlots")).hasSize(1);

        capacities.set(1, new ClusterCapacity("c2", "batch", 8, true, "2.3.0"));
        platform.ticks(2);

        assertThat(platform.deployment("pooled").currentCluster()).isEqualTo("c2");
        assertThat(platform.deployment("pooled").status().phase()).isEqualTo(Phase.RUNNING);
        assertThat(platform.deployment("pooled").status().waiting()).isNull();
    }

    @Test
    void aNamedClusterOutsideTheRangeWaitsWithTheReasonAndStartsOnceTheRangeIsWidened() {
        capacities.add(new ClusterCapacity("c1", null, 8, true, "2.0.0"));
        platform.deploy(spec("orders", "c1").withFlinkVersion(">=2.3"));
        platform.ticks(3);

        Deployment d = platform.deployment("orders");
        assertThat(d.status().phase()).isEqualTo(Phase.WAITING_FOR_SLOTS);
        assertThat(d.status().waiting())
                .isEqualTo(
                        "cluster c1 runs Flink 2.0.0, outside the spec's flinkVersion range >=2.3:"
                                + " choose another cluster or widen the range");
        assertThat(platform.cluster("c1").created).isEmpty();

        platform.store.updateSpec("orders", s -> s.withFlinkVersion(">=2.0"));
        platform.ticks(3);

        assertThat(platform.deployment("orders").status().phase()).isEqualTo(Phase.RUNNING);
        assertThat(platform.cluster("c1").created).hasSize(1);
    }

    @Test
    void aNamedClusterOfUnknownVersionIsUsedSoAnOldSidecarBlocksNothing() {
        capacities.add(new ClusterCapacity("c1", null, 8, true, null));
        platform.deploy(spec("orders", "c1").withFlinkVersion(">=2.3"));

        platform.ticks(2);

        assertThat(platform.deployment("orders").status().phase()).isEqualTo(Phase.RUNNING);
    }

    @Test
    void aNewRangeMovesAnAnyClusterJobOffAClusterOutsideItInOneRelease() {
        capacities.add(new ClusterCapacity("c1", null, 16, true, "2.0.0"));
        capacities.add(new ClusterCapacity("c2", null, 4, true, "2.3.0"));
        platform.deploy(spec("orders", Placement.ANY));
        platform.ticks(2);
        assertThat(platform.deployment("orders").currentCluster()).isEqualTo("c1");
        platform.cluster("c1").checkpointAll();
        platform.ticks(1);

        platform.store.updateSpec("orders", s -> s.withFlinkVersion(">=2.3"));
        platform.ticks(8);

        Deployment d = platform.deployment("orders");
        assertThat(d.currentCluster()).isEqualTo("c2");
        assertThat(d.status().phase()).isEqualTo(Phase.RUNNING);
        assertThat(platform.cluster("c2").created).hasSize(1);
        assertThat(platform.cluster("c2").created.get(0).restorePath()).isNotNull();
    }

    @Test
    void aNewRangeTheRunningClusterStillMeetsRestartsNothingOnANamedCluster() {
        capacities.add(new ClusterCapacity("c1", null, 16, true, "2.0.0"));
        platform.deploy(spec("orders", "c1"));
        platform.ticks(2);

        platform.store.updateSpec("orders", s -> s.withFlinkVersion("2.0.x"));
        platform.ticks(3);

        assertThat(platform.cluster("c1").created).hasSize(1);
        assertThat(platform.deployment("orders").status().phase()).isEqualTo(Phase.RUNNING);
    }

    @Test
    void theHealthCheckLearnsSlotsAndVersionInOneLookAndKeepsTheVersionWhileSilent() {
        TestingControlStore control = new TestingControlStore(platform.store);
        control.putCluster(
                new Cluster("c1", "http://127.0.0.1:1", "env:T", 4, null),
                new Event("", Instant.EPOCH, "ClusterRegistered", "c1", 0, "admin"));
        List<String> looks = new ArrayList<>();
        ClusterSlots slots = new ClusterSlots(control::clusters);
        SlotCounter counter =
                cluster -> {
                    looks.add(cluster);
                    return new SlotCounter.Report(6, "2.3.0");
                };
        ClusterHealth health =
                new ClusterHealth(
                        control,
                        platform.clusters,
                        platform.clusters,
                        platform.clock,
                        Duration.ZERO,
                        counter,
                        slots);

        health.run(1);
        assertThat(slots.capacities())
                .containsExactly(new ClusterCapacity("c1", null, 6, true, "2.3.0"));
        assertThat(looks).containsExactly("c1");

        platform.cluster("c1").unreachable = true;
        health.run(1);
        assertThat(slots.capacities())
                .containsExactly(new ClusterCapacity("c1", null, 4, false, "2.3.0"));
        assertThat(looks).hasSize(1);
    }
}
