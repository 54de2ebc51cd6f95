package io.flotilla.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.supervisor.model.Intent;
import io.flotilla.supervisor.model.Release;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateControlTest {

    record Call(String cluster, List<String> pins, int keep, Duration maxAge) {}

    private final TestingDeploymentStore store = new TestingDeploymentStore();
    private final TestingClock clock = new TestingClock();
    private final List<Call> calls = new ArrayList<>();
    private final StateControl control =
            new StateControl(
                    store,
                    (cluster, pins, keep, age, token) -> {
                        if (cluster.equals("broken")) {
                            throw new IllegalStateException("sidecar down");
                        }
                        calls.add(new Call(cluster, pins, keep, age));
                    },
                    clock,
                    new StateControl.Retention(2, Duration.ofDays(1), Duration.ofMinutes(10)));

    @Test
    void pinsEverythingADeploymentMayRestoreFromOnItsOwnCluster() {
        store.create(Specs.spec("a", "cluster-1"));
        store.create(Specs.spec("b", "cluster-2"));
        String sp = "s3://flotilla-state/cluster-1/savepoints/j1/savepoint-x";
        String cp = "s3://flotilla-state/cluster-1/checkpoints/j1/chk-9";
        String release = "s3://flotilla-state/cluster-1/savepoints/j0/savepoint-r";
        String intended = "s3://flotilla-state/cluster-1/checkpoints/j0/chk-4";
        var a = store.get("a");
        store.save(
                a.withStatus(
                        s ->
                                s.lastSavepoint(sp)
                                        .lastCheckpoint(cp)
                                        .release(
                                                new Release(
                                                        a.spec(),
                                                        2,
                                                        release,
                                                        clock.now(),
                                                        clock.now()))
                                        .intent(
                                                new Intent(
                                                        Intent.Step.SUBMIT,
                                                        "ab".repeat(16),
                                                        "cluster-1",
                                                        a.spec(),
                                                        intended,
                                                        null,
                                                        null,
                                                        clock.now(),
                                                        1))),
                1);
        var b = store.get("b");
        store.save(
                b.withStatus(
                        s ->
                                s.lastCheckpoint(
                                        "s3://flotilla-state/cluster-2/checkpoints/j2/chk-1")),
                1);

        control.run(1);

        assertThat(calls).extracting(Call::cluster).containsExactly("cluster-1", "cluster-2");
        assertThat(calls.get(0).pins()).containsExactlyInAnyOrder(sp, cp, release, intended);
        assertThat(calls.get(1).pins())
                .containsExactly("s3://flotilla-state/cluster-2/checkpoints/j2/chk-1");
    }

    @Test
    void cleansEachClusterAtMostOncePerIntervalAndABrokenOneDoesNotStopTheOthers() {
        store.create(Specs.spec("a", "cluster-1"));
        store.create(Specs.spec("x", "broken"));
        assertThat(control.run(1)).containsExactly("cluster-1");
        clock.advance(Duration.ofMinutes(5));
        assertThat(control.run(1)).isEmpty();
        clock.advance(Duration.ofMinutes(6));
        assertThat(control.run(1)).containsExactly("cluster-1");
        assertThat(calls).hasSize(2);
    }

    @Test
    void aDeploymentsOwnRetentionWidensItsClustersCleaningAndDefaultsFillTheGaps() {
        store.create(
                Specs.spec("keeps-more", "cluster-1")
                        .withRetention(new io.flotilla.supervisor.model.RetentionPolicy(5, null)));
        store.create(
                Specs.spec("keeps-longer", "cluster-2")
                        .withRetention(
                                new io.flotilla.supervisor.model.RetentionPolicy(
                                        null, Duration.ofDays(30))));
        store.create(Specs.spec("default", "cluster-3"));

        control.run(1);

        assertThat(calls)
                .extracting(c -> c.cluster() + " " + c.keep() + " " + c.maxAge())
                .containsExactly("cluster-1 5 PT24H", "cluster-2 2 PT720H", "cluster-3 2 PT24H");
    }
}
