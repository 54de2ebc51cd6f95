package io.flotilla.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.supervisor.lease.Failover;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * How soon a standby takes over: at its next step once the leader's session ended, only at the
 * lease's expiry when the leader stalls with its session alive or the lock is not available.
 */
class LeaderLoopFailoverTest {

    private static final Duration TTL = Duration.ofSeconds(10);

    private final TestingDeploymentStore store = new TestingDeploymentStore();
    private final TestingClusters clusters = new TestingClusters("cluster-1");
    private final TestingClock clock = new TestingClock();
    private final TestingLeaderLease lease = new TestingLeaderLease(clock);
    private final LeaderLoop a = loop("a");
    private final LeaderLoop b = loop("b");

    LeaderLoopFailoverTest() {
        store.fenceWith(lease);
        store.create(Specs.spec("orders-1", "cluster-1"));
    }

    private LeaderLoop loop(String holder) {
        return new LeaderLoop(
                holder,
                lease,
                TTL,
                token ->
                        Supervisor.create(
                                store, clusters.ports(), clock, TestingPlatform.CONFIG, token));
    }

    /** Steps of {@code loop} a second apart until it leads; how many it took. */
    private int stepsUntilLeading(LeaderLoop loop) {
        for (int i = 1; i <= 60; i++) {
            clock.advance(Duration.ofSeconds(1));
            loop.step();
            if (loop.leading()) {
                return i;
            }
        }
        throw new AssertionError(loop.holder() + " never led");
    }

    private void bothStep(int n) {
        for (int i = 0; i < n; i++) {
            a.step();
            b.step();
            clock.advance(Duration.ofSeconds(1));
        }
    }

    @Test
    void aStandbyTakesOverAtItsNextStepOnceTheLeadersSessionEnded() {
        bothStep(3);
        assertThat(a.leading()).isTrue();
        assertThat(a.failover()).isEqualTo(Failover.SESSION_END);
        long old = a.token();

        lease.endSession(a.holder()); // a is killed: its connection, and the lock, are gone

        assertThat(stepsUntilLeading(b)).isEqualTo(1);
        assertThat(b.token()).isEqualTo(old + 1);
        assertThat(b.failover()).isEqualTo(Failover.SESSION_END);
        assertThat(clusters.aliveJobsOf("orders-1")).hasSize(1);
    }

    @Test
    void aStandbyWaitsForTheLeaseToExpireWhileTheStalledLeadersSessionLives() {
        bothStep(3);
        // a stalls (a long GC pause, a hung tick): it no longer steps, but its session holds on.
        assertThat(stepsUntilLeading(b)).isGreaterThanOrEqualTo((int) TTL.toSeconds() - 1);
        assertThat(b.token()).isEqualTo(a.token() + 1);
        assertThat(b.failover())
                .as("the lock is still a's: b leads on the lease alone")
                .isEqualTo(Failover.EXPIRY);
    }

    @Test
    void withoutTheLockAKilledLeaderIsReplacedWhenItsLeaseExpires() {
        lease.lockUnavailable(true);
        bothStep(3);
        assertThat(a.leading()).isTrue();
        assertThat(a.failover()).isEqualTo(Failover.EXPIRY);

        lease.endSession(a.holder());

        assertThat(stepsUntilLeading(b)).isGreaterThanOrEqualTo((int) TTL.toSeconds() - 1);
        assertThat(b.token()).isEqualTo(a.token() + 1);
    }

    @Test
    void aLiveLeaderWhoseSessionEndedAndWasReplacedStopsLeadingAndItsWritesAreRefused() {
        bothStep(3);
        Supervisor stale =
                Supervisor.create(
                        store, clusters.ports(), clock, TestingPlatform.CONFIG, a.token());
        lease.endSession(a.holder()); // a's lock connection broke, a lives on

        b.step(); // b steps first: the lock is free, so it takes the lease
        a.step();

        assertThat(b.leading()).isTrue();
        assertThat(a.leading()).isFalse();
        store.updateSpec(
                "orders-1",
                s -> s.withDesiredState(io.flotilla.supervisor.model.DesiredState.STOPPED));
        assertThat(stale.tick().sideEffects()).as("a's late tick").isZero();
        bothStep(5);
        assertThat(a.leading()).isFalse();
        assertThat(clusters.aliveJobsOf("orders-1")).isEmpty(); // b, the leader, stops it
    }

    @Test
    void aLeaderWhoseConnectionBrokeTakesTheLockAgainIfItStepsFirst() {
        bothStep(3);
        long token = a.token();
        lease.endSession(a.holder());

        bothStep(5);

        assertThat(a.leading()).isTrue();
        assertThat(a.token()).isEqualTo(token);
        assertThat(a.failover()).isEqualTo(Failover.SESSION_END);
        assertThat(b.leading()).isFalse();
    }

    @Test
    void aStoppingLeaderHandsTheLeaseOverAtTheStandbysNextStep() {
        lease.lockUnavailable(true);
        bothStep(3);

        a.stepDown();

        assertThat(a.leading()).isFalse();
        assertThat(stepsUntilLeading(b)).isEqualTo(1);
    }

    @Test
    void aLeaderThatCannotReachTheLeaseIsReplacedOnceItExpiredAndThenStandsBy() {
        bothStep(3);
        lease.failing(true);
        assertThatThrownBy(a::step).hasMessageContaining("unreachable");
        assertThat(a.leading()).as("its lease still runs").isTrue();

        clock.advance(TTL);
        lease.failing(false);
        assertThat(stepsUntilLeading(b)).isEqualTo(1);
        a.step();
        assertThat(a.leading()).isFalse();
    }
}
