package io.flotilla.supervisor;

import static io.flotilla.supervisor.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.supervisor.model.Cluster;
import io.flotilla.supervisor.model.DesiredState;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.model.Phase;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClusterLossTest {

    private final TestingPlatform platform = new TestingPlatform("c1", "c2");
    private final TestingControlStore control = new TestingControlStore(platform.store);

    ClusterLossTest() {
        for (String c : new String[] {"c1", "c2"}) {
            control.putCluster(
                    new Cluster(c, "http://127.0.0.1:1", "env:T", 4, null),
                    new Event("", Instant.EPOCH, "ClusterRegistered", c, 0, "admin"));
        }
    }

    @Test
    void anUnreachableClusterAloneMovesNothing() {
        platform.deploy(spec("orders", "c1"));
        platform.ticks(2);
        platform.cluster("c1").checkpointAll();
        platform.ticks(2);

        platform.cluster("c1").unreachable = true;
        platform.ticks(10);

        assertThat(platform.deployment("orders").status().phase()).isEqualTo(Phase.UNKNOWN);
        assertThat(platform.cluster("c2").created).isEmpty();
    }

    @Test
    void declaringTheClusterLostStartsItsRunningDeploymentsElsewhereFromTheirNewestState() {
        platform.deploy(spec("orders", "c1"));
        platform.deploy(spec("parked", "c1").withDesiredState(DesiredState.STOPPED));
        platform.ticks(2);
        platform.cluster("c1").checkpointAll();
        platform.ticks(2);
        String checkpoint = platform.deployment("orders").status().newestRestorable();
        assertThat(checkpoint).isNotNull();
        platform.cluster("c1").unreachable = true;
        platform.ticks(3);

        var moves = new ClusterLoss(control).declare("c1", "oncall", platform.clock.now());
        platform.ticks(3);

        assertThat(moves)
                .singleElement()
                .satisfies(
                        m -> {
                            assertThat(m.deployment()).isEqualTo("orders");
                            assertThat(m.to()).isEqualTo("c2");
                            assertThat(m.restoreFrom()).isEqualTo(checkpoint);
                        });
        assertThat(control.cluster("c1").orElseThrow().lost()).isTrue();
        assertThat(platform.cluster("c2").created)
                .singleElement()
                .satisfies(c -> assertThat(c.restorePath()).isEqualTo(checkpoint));
        assertThat(platform.deployment("orders").status().phase()).isEqualTo(Phase.RUNNING);
        assertThat(platform.deployment("orders").currentCluster()).isEqualTo("c2");
        assertThat(platform.store.eventsOf("orders", "MovedFromLostCluster"))
                .singleElement()
                .satisfies(e -> assertThat(e.who()).isEqualTo("oncall"));
        assertThat(platform.deployment("parked").spec().cluster()).isEqualTo("c1");
    }

    @Test
    void declaringAgainMovesNothingTwice() {
        platform.deploy(spec("orders", "c1"));
        platform.ticks(2);
        platform.cluster("c1").unreachable = true;

        new ClusterLoss(control).declare("c1", "oncall", platform.clock.now());
        platform.ticks(3);
        var again = new ClusterLoss(control).declare("c1", "oncall", platform.clock.now());
        platform.ticks(3);

        assertThat(again).isEmpty();
        assertThat(platform.clusters.created()).hasSize(2);
        assertThat(platform.clusters.aliveJobsOf("orders")).hasSize(2);
    }
}
