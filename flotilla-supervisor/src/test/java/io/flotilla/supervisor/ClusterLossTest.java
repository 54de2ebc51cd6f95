package io.flotilla.supervisor;

import static io.flotilla.supervisor.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.supervisor.model.Cluster;
import io.flotilla.supervisor.model.DesiredState;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.model.Phase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClusterLossTest {

    private static final Duration LOST_AFTER = Duration.ofSeconds(30);

    private final TestingPlatform platform = new TestingPlatform("c1", "c2", "c3");
    private final TestingControlStore control = new TestingControlStore(platform.store);
    private final ClusterHealth health =
            new ClusterHealth(
                    control, platform.clusters, platform.clusters, platform.clock, Duration.ZERO);

    ClusterLossTest() {
        for (String c : new String[] {"c1", "c2"}) {
            control.putCluster(
                    new Cluster(c, "http://127.0.0.1:1", "env:T", 4, null),
                    new Event("", Instant.EPOCH, "ClusterRegistered", c, 0, "admin"));
        }
    }

    /** Ticks the supervisor and the cluster watch together, a second apart. */
    private void ticks(int n) {
        for (int i = 0; i < n; i++) {
            platform.tick();
            health.run(1);
            platform.clock.advance(Duration.ofSeconds(1));
        }
    }

    private ClusterLoss.Outcome declare(String cluster) {
        return new ClusterLoss(control, LOST_AFTER)
                .declare(cluster, "oncall", platform.clock.now());
    }

    @Test
    void anUnreachableClusterAloneMovesNothing() {
        platform.deploy(spec("orders", "c1"));
        ticks(2);
        platform.cluster("c1").checkpointAll();
        ticks(2);

        platform.cluster("c1").unreachable = true;
        ticks(10);

        assertThat(platform.deployment("orders").status().phase()).isEqualTo(Phase.UNKNOWN);
        assertThat(platform.cluster("c2").created).isEmpty();
    }

    @Test
    void declaringAClusterThatAnswersOrWasSilentOnlyBrieflyIsRefusedAndChangesNothing() {
        platform.deploy(spec("orders", "c1"));
        ticks(3);

        assertThatThrownBy(() -> declare("c1"))
                .isInstanceOf(LossRefusedException.class)
                .hasMessageContaining("c1 answers");
        platform.cluster("c1").unreachable = true;
        ticks(10);
        assertThatThrownBy(() -> declare("c1"))
                .isInstanceOf(LossRefusedException.class)
                .hasMessageContaining("unreachable only since")
                .hasMessageContaining("PT30S");

        assertThat(control.cluster("c1").orElseThrow().lost()).isFalse();
        assertThat(platform.deployment("orders").spec().cluster()).isEqualTo("c1");
        assertThat(platform.store.eventsOf("orders", "MovedFromLostCluster")).isEmpty();
    }

    @Test
    void declaringTheClusterLostStartsItsRunningDeploymentsElsewhereFromTheirNewestState() {
        platform.deploy(spec("orders", "c1"));
        platform.deploy(spec("parked", "c1").withDesiredState(DesiredState.STOPPED));
        ticks(2);
        platform.cluster("c1").checkpointAll();
        ticks(2);
        String checkpoint = platform.deployment("orders").status().newestRestorable();
        assertThat(checkpoint).isNotNull();
        platform.cluster("c1").unreachable = true;
        ticks(31);

        var outcome = declare("c1");
        ticks(3);

        assertThat(outcome.moved())
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
        assertThat(control.abandonedJobs("c1")).hasSize(1);
    }

    @Test
    void deploymentsMoveOnlyToClustersThatAnswerAndHaveFreeSlots() {
        control.putCluster(
                new Cluster("c3", "http://127.0.0.1:1", "env:T", 8, null),
                new Event("", Instant.EPOCH, "ClusterRegistered", "c3", 0, "admin"));
        platform.cluster("c3").unreachable = true; // registered, never answered
        platform.deploy(spec("big", "c1").withParallelism(3));
        platform.deploy(spec("small", "c1"));
        platform.deploy(spec("resident", "c2").withParallelism(2));
        ticks(2);
        platform.cluster("c1").unreachable = true;
        ticks(31);

        var outcome = declare("c1");

        // c2 has 4 slots, 2 taken: "small" fits, "big" does not; c3 never answered.
        assertThat(outcome.moved())
                .extracting(ClusterLoss.Move::deployment)
                .containsExactly("small");
        assertThat(outcome.notMoved())
                .singleElement()
                .satisfies(
                        n -> {
                            assertThat(n.deployment()).isEqualTo("big");
                            assertThat(n.reason()).contains("3 free slots");
                        });
        assertThat(platform.deployment("big").spec().cluster()).isEqualTo("c1");
    }

    @Test
    void aLostClusterThatAnswersAgainHasItsLeftBehindJobCancelledBeforeItIsHealthy() {
        platform.deploy(spec("orders", "c1"));
        ticks(2);
        platform.cluster("c1").checkpointAll();
        ticks(2);
        String oldJob = platform.deployment("orders").status().jobId();
        platform.cluster("c1").unreachable = true;
        ticks(31);
        declare("c1");
        ticks(3);
        assertThat(platform.clusters.aliveJobsOf("orders")).hasSize(2); // c1 cannot be reached

        platform.cluster("c1").unreachable = false;
        ticks(3);

        assertThat(platform.clusters.aliveJobsOf("orders"))
                .singleElement()
                .satisfies(j -> assertThat(j.command.cluster()).isEqualTo("c2"));
        assertThat(platform.cluster("c1").job(oldJob).status).isEqualTo("CANCELED");
        assertThat(platform.store.eventsOf("orders", "AbandonedJobCancelled")).hasSize(1);
        assertThat(control.abandonedJobs("c1")).isEmpty();
        assertThat(control.cluster("c1").orElseThrow().lost()).isFalse();
        assertThat(platform.store.eventsOf("", "ClusterRecovered")).hasSize(1);
    }

    @Test
    void declaringAgainMovesNothingTwice() {
        platform.deploy(spec("orders", "c1"));
        ticks(2);
        platform.cluster("c1").unreachable = true;
        ticks(31);

        declare("c1");
        ticks(3);
        var again = declare("c1");
        ticks(3);

        assertThat(again.moved()).isEmpty();
        assertThat(platform.clusters.created()).hasSize(2);
    }
}
