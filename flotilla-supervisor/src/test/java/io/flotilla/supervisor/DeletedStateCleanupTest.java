package io.flotilla.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.supervisor.model.Cluster;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.model.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeletedStateCleanupTest {

    record Purge(String cluster, Set<String> jobIds, List<String> pins) {}

    private final TestingDeploymentStore rows = new TestingDeploymentStore();
    private final TestingControlStore store = new TestingControlStore(rows);
    private final TestingClock clock = new TestingClock();
    private final List<Purge> purges = new ArrayList<>();
    private boolean clusterDown;
    private final DeletedStateCleanup cleanup =
            new DeletedStateCleanup(
                    store,
                    (cluster, jobIds, pins, token) -> {
                        if (clusterDown && cluster.equals("c2")) {
                            throw new IllegalStateException("c2 does not answer");
                        }
                        purges.add(new Purge(cluster, jobIds, pins));
                        return jobIds.size();
                    },
                    clock,
                    Duration.ofDays(7),
                    2);

    DeletedStateCleanupTest() {
        for (String c : List.of("c1", "c2")) {
            store.putCluster(
                    new Cluster(c, "http://x:1", "env:T", 2, null),
                    new Event("", Instant.EPOCH, "R", c, 0));
        }
        store.createDeployment(
                Specs.spec("gone", "c1"), new Event("gone", Instant.EPOCH, "Created", "", 0));
        store.createDeployment(
                Specs.spec("live", "c1"), new Event("live", Instant.EPOCH, "Created", "", 0));
        var live = store.deployment("live").orElseThrow();
        store.replaceDeployment(
                live.withStatus(s -> s.lastSavepoint("s3://flotilla-state/c1/savepoints/live-sp")),
                1,
                new Event("live", Instant.EPOCH, "t", "", 0));
        var gone = store.deployment("gone").orElseThrow();
        store.replaceDeployment(
                gone.withStatus(s -> s.phase(Phase.STOPPED).attempts(2)),
                1,
                new Event("gone", Instant.EPOCH, "t", "", 0));
        store.deleteDeployment(
                "gone", 1, clock.now(), new Event("gone", Instant.EPOCH, "Deleted", "", 0, "root"));
    }

    @Test
    void nothingIsDeletedWithinTheGracePeriod() {
        clock.advance(Duration.ofDays(6));

        assertThat(cleanup.run(1)).isEmpty();
        assertThat(purges).isEmpty();
    }

    @Test
    void afterTheGracePeriodEveryJobOfTheDeploymentIsPurgedOnEveryClusterWithLiveStatePinned() {
        clock.advance(Duration.ofDays(7));

        assertThat(cleanup.run(1)).containsExactly("gone");

        assertThat(purges).extracting(Purge::cluster).containsExactly("c1", "c2");
        assertThat(purges.get(0).jobIds())
                .containsExactlyInAnyOrder(
                        JobIds.derive("gone", 1, 1), JobIds.derive("gone", 1, 2));
        assertThat(purges.get(0).pins()).contains("s3://flotilla-state/c1/savepoints/live-sp");
        assertThat(store.deleted()).isEmpty();
        assertThat(rows.eventsOf("gone", "StateCleaned")).hasSize(1);
    }

    @Test
    void aClusterThatFailsLeavesTheDeploymentForTheNextRun() {
        clock.advance(Duration.ofDays(8));
        clusterDown = true;

        assertThat(cleanup.run(1)).isEmpty();
        assertThat(store.deleted()).hasSize(1);

        clusterDown = false;
        assertThat(cleanup.run(1)).containsExactly("gone");
    }

    private void deleted(String name) {
        store.createDeployment(
                Specs.spec(name, "c1"), new Event(name, Instant.EPOCH, "Created", "", 0));
        var d = store.deployment(name).orElseThrow();
        store.replaceDeployment(
                d.withStatus(s -> s.phase(Phase.STOPPED).attempts(1)),
                1,
                new Event(name, Instant.EPOCH, "t", "", 0));
        store.deleteDeployment(
                name, 1, clock.now(), new Event(name, Instant.EPOCH, "Deleted", "", 0, "root"));
    }

    @Test
    void eachRunCleansAtMostItsShareAndTheRestInLaterRuns() {
        deleted("gone-2");
        deleted("gone-3");
        clock.advance(Duration.ofDays(8));

        assertThat(cleanup.run(1)).hasSize(2);
        assertThat(cleanup.status().due()).isEqualTo(1);
        assertThat(store.deleted()).hasSize(1);
        assertThat(cleanup.run(1)).hasSize(1);
        assertThat(store.deleted()).isEmpty();
        assertThat(cleanup.status().due()).isZero();
    }

    @Test
    void whatBlocksACleaningIsReportedOnceAndDoesNotHoldUpTheOthers() {
        clock.advance(Duration.ofDays(8));
        clusterDown = true;
        assertThat(cleanup.run(1)).isEmpty();
        assertThat(cleanup.run(1)).isEmpty();

        assertThat(cleanup.status().blocked())
                .singleElement()
                .satisfies(
                        b -> {
                            assertThat(b.deployment()).isEqualTo("gone");
                            assertThat(b.reason()).contains("cluster c2", "c2 does not answer");
                        });
        assertThat(rows.eventsOf("gone", "StateCleanupBlocked"))
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("c2 does not answer"));

        // newly due deployments are tried before the one that was just tried and failed
        deleted("gone-2");
        deleted("gone-3");
        clock.advance(Duration.ofDays(8));
        purges.clear();
        cleanup.run(1);
        assertThat(purges)
                .extracting(Purge::jobIds)
                .flatMap(ids -> ids)
                .contains(JobIds.derive("gone-2", 1, 1), JobIds.derive("gone-3", 1, 1));

        clusterDown = false;
        cleanup.run(1);
        cleanup.run(1); // two per run: three need two runs
        assertThat(store.deleted()).isEmpty();
        assertThat(cleanup.status().blocked()).isEmpty();
    }
}
