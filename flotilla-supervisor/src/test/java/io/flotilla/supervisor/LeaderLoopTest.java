package io.flotilla.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LeaderLoopTest {

    private static final Duration TTL = Duration.ofSeconds(10);

    private final TestingDeploymentStore store = new TestingDeploymentStore();
    private final TestingClusters clusters = new TestingClusters("cluster-1", "cluster-2");
    private final TestingClock clock = new TestingClock();
    private final TestingLeaderLease lease = new TestingLeaderLease(clock);

    LeaderLoopTest() {
        store.fenceWith(lease);
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

    private void steps(int n, LeaderLoop... loops) {
        for (int i = 0; i < n; i++) {
            for (LeaderLoop l : loops) {
                l.step();
            }
            clock.advance(Duration.ofSeconds(1));
        }
    }

    @Test
    void twoSupervisorsWithTheSameHolderNameNeverBothLead() {
        store.create(Specs.spec("orders-1", "cluster-1"));
        LeaderLoop a = loop("supervisor");
        LeaderLoop b = loop("supervisor");
        for (int i = 0; i < 5; i++) {
            a.step();
            b.step();
            assertThat(a.leading() && b.leading()).as("both lead at step " + i).isFalse();
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(a.leading()).isTrue();
        assertThat(a.holder()).startsWith("supervisor#").isNotEqualTo(b.holder());
        assertThat(clusters.created()).hasSize(1);
    }

    @Test
    void oneOfTwoSupervisorsActsAndTheOtherTakesOverWhenItDiesWithoutADuplicate() {
        for (int i = 1; i <= 6; i++) {
            store.create(Specs.spec("orders-" + i, i % 2 == 0 ? "cluster-1" : "cluster-2"));
        }
        LeaderLoop a = loop("a");
        LeaderLoop b = loop("b");
        steps(5, a, b);
        assertThat(a.leading()).isTrue();
        assertThat(b.leading()).isFalse();
        assertThat(clusters.created()).hasSize(6);

        // a dies: it no longer steps. b takes over once the lease expires, with a newer token.
        steps(TTL.toSeconds() > 0 ? (int) TTL.toSeconds() + 2 : 12, b);
        assertThat(b.leading()).isTrue();
        assertThat(b.token()).isGreaterThan(a.token());

        // A job fails while b leads: b resubmits it, once.
        String failed = store.get("orders-1").status().jobId();
        clusters.get("cluster-2").fail(failed);
        steps(30, b);

        for (int i = 1; i <= 6; i++) {
            assertThat(clusters.aliveJobsOf("orders-" + i)).as("orders-" + i).hasSize(1);
        }
        List<String> jobIds = clusters.created().stream().map(c -> c.jobId()).toList();
        assertThat(jobIds).doesNotHaveDuplicates();
        assertThat(
                        jobIds.stream()
                                .collect(Collectors.groupingBy(id -> id, Collectors.counting()))
                                .values())
                .allMatch(n -> n == 1);
    }

    @Test
    void aReplacedLeadersLateTickChangesNothing() {
        store.create(Specs.spec("orders-1", "cluster-1"));
        LeaderLoop a = loop("a");
        steps(3, a);
        Supervisor stale =
                Supervisor.create(
                        store, clusters.ports(), clock, TestingPlatform.CONFIG, a.token());
        LeaderLoop b = loop("b");
        clock.advance(TTL.plusSeconds(1));
        steps(1, b);
        store.updateSpec(
                "orders-1",
                s -> s.withDesiredState(io.flotilla.supervisor.model.DesiredState.STOPPED));
        Supervisor.TickReport late = stale.tick(); // a wakes up after a long pause and ticks

        // Its write-ahead intent is refused, so the stop it decided on is never sent.
        assertThat(late.sideEffects()).isZero();
        assertThat(clusters.aliveJobsOf("orders-1")).hasSize(1);
        steps(5, b);
        assertThat(clusters.aliveJobsOf("orders-1")).isEmpty(); // b, the leader, does stop it
    }
}
