package io.flotilla.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.supervisor.model.AuditEntry;
import io.flotilla.supervisor.model.Cluster;
import io.flotilla.supervisor.model.DeploymentSpec;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.model.Phase;
import io.flotilla.supervisor.model.RetentionPolicy;
import io.flotilla.supervisor.port.ConflictException;
import io.flotilla.supervisor.port.ControlStore;
import io.flotilla.supervisor.port.DeploymentFilter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The cases every {@link ControlStore} must pass, run against the in-memory fake the API tests use
 * and against PostgreSQL, so the fake cannot drift from the real store.
 */
abstract class ControlStoreContract {

    static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    /** An empty store. */
    abstract ControlStore store();

    static Event audit(String deployment, String type) {
        return new Event(deployment, AT, type, type + " of " + deployment, 0, "root");
    }

    @Test
    void clustersAreRegisteredUpdatedAndDeclaredLost() {
        Cluster c = new Cluster("c1", "http://127.0.0.1:1", "env:T", 4, null);
        store().putCluster(c, audit("", "ClusterRegistered"));
        store().putCluster(c.declaredLost(AT), audit("", "ClusterLost"));

        assertThat(store().cluster("c1")).contains(c.declaredLost(AT));
        assertThat(store().clusters()).hasSize(1);
        assertThat(store().cluster("c2")).isEmpty();
    }

    @Test
    void aFilteredSortedPageOfDeploymentsAndTheCountsPerCluster() {
        for (int i = 0; i < 7; i++) {
            String name = "job-" + i;
            store().createDeployment(
                            Specs.spec(name, i % 2 == 0 ? "c1" : "c2"), audit(name, "Created"));
        }
        var all =
                store().deployments(
                                new DeploymentFilter(
                                        null,
                                        null,
                                        null,
                                        null,
                                        DeploymentFilter.Sort.NAME,
                                        true,
                                        1,
                                        3));
        assertThat(all.total()).isEqualTo(7);
        assertThat(all.rows()).extracting(d -> d.name()).containsExactly("job-5", "job-4", "job-3");
        var c1 =
                store().deployments(
                                new DeploymentFilter(
                                        Phase.PENDING,
                                        "c1",
                                        null,
                                        "job-",
                                        DeploymentFilter.Sort.CLUSTER,
                                        false,
                                        0,
                                        10));
        assertThat(c1.total()).isEqualTo(4);
        assertThat(c1.rows())
                .extracting(d -> d.name())
                .containsExactly("job-0", "job-2", "job-4", "job-6");
        assertThat(store().deploymentsPerCluster()).containsEntry("c1", 4L).containsEntry("c2", 3L);
    }

    @Test
    void aSecondCreateOfTheSameNameIsAConflictAndWritesNoEvent() {
        DeploymentSpec spec =
                Specs.spec("twice", "c1").withRetention(new RetentionPolicy(5, Duration.ofDays(2)));
        store().createDeployment(spec, audit("twice", "Created"));

        assertThatThrownBy(() -> store().createDeployment(spec, audit("twice", "Created")))
                .isInstanceOf(ConflictException.class);
        assertThat(store().deployment("twice").orElseThrow().spec()).isEqualTo(spec);
        assertThat(store().events("twice", 0, 10)).hasSize(1);
    }

    @Test
    void aDeploymentKeepsWhenItWasCreatedAndShowsWhenItLastChanged() {
        DeploymentSpec spec = Specs.spec("timed", "c1");
        store().createDeployment(spec, audit("timed", "Created"));
        var created = store().deployment("timed").orElseThrow();
        store().replaceSpec(spec.withRestart().withGeneration(2), 1, audit("timed", "Restart"));
        var changed = store().deployment("timed").orElseThrow();

        assertThat(created.createdAt()).isNotNull();
        assertThat(created.updatedAt()).isAfterOrEqualTo(created.createdAt());
        assertThat(changed.createdAt()).isEqualTo(created.createdAt());
        assertThat(changed.updatedAt()).isAfterOrEqualTo(created.updatedAt());
        assertThat(store().deployments()).extracting(d -> d.createdAt()).doesNotContainNull();
        var page =
                store().deployments(
                                new DeploymentFilter(
                                        null,
                                        null,
                                        null,
                                        "timed",
                                        DeploymentFilter.Sort.NAME,
                                        false,
                                        0,
                                        10));
        assertThat(page.rows()).extracting(d -> d.updatedAt()).containsExactly(changed.updatedAt());
    }

    @Test
    void aListSortedByUpdatedShowsTheLatestChangeFirstWhenReversed() {
        store().createDeployment(Specs.spec("older", "c1"), audit("older", "Created"));
        DeploymentSpec changed = Specs.spec("changed", "c1");
        store().createDeployment(changed, audit("changed", "Created"));
        store().createDeployment(Specs.spec("newer", "c1"), audit("newer", "Created"));
        store().replaceSpec(
                        changed.withRestart().withGeneration(2),
                        1,
                        new Event("changed", AT.plusSeconds(60), "Restart", "restart", 0, "root"));

        var page =
                store().deployments(
                                new DeploymentFilter(
                                        null,
                                        null,
                                        null,
                                        null,
                                        DeploymentFilter.Sort.UPDATED,
                                        true,
                                        0,
                                        1));
        assertThat(page.rows()).extracting(d -> d.name()).containsExactly("changed");
    }

    @Test
    void aSpecChangeBasedOnAStaleGenerationIsRefusedAndChangesNothing() {
        DeploymentSpec spec = Specs.spec("stale", "c1");
        store().createDeployment(spec, audit("stale", "Created"));
        store().replaceSpec(spec.withRestart().withGeneration(2), 1, audit("stale", "Restart"));

        assertThatThrownBy(
                        () ->
                                store().replaceSpec(
                                                Specs.version(spec, "2").withGeneration(2),
                                                1,
                                                audit("stale", "Updated")))
                .isInstanceOf(ConflictException.class);
        assertThat(store().deployment("stale").orElseThrow().spec().restarts()).isEqualTo(1);
        assertThat(store().events("stale", 0, 10))
                .extracting(e -> e.event().type())
                .containsExactly("Created", "Restart");
    }

    @Test
    void aDeletedDeploymentIsRememberedUntilItsStateIsCleaned() {
        DeploymentSpec spec = Specs.spec("gone", "c1");
        store().createDeployment(spec, audit("gone", "Created"));
        var d = store().deployment("gone").orElseThrow();
        store().replaceDeployment(
                        d.withStatus(s -> s.phase(Phase.STOPPED).attempts(3)),
                        1,
                        audit("gone", "Stopped"));

        store().deleteDeployment("gone", 1, AT, audit("gone", "Deleted"));

        assertThat(store().deployment("gone")).isEmpty();
        assertThat(store().deleted())
                .singleElement()
                .satisfies(
                        x -> {
                            assertThat(x.deployment().status().attempts()).isEqualTo(3);
                            assertThat(x.deletedAt()).isEqualTo(AT);
                        });
        store().markCleaned("gone", AT, audit("gone", "StateCleaned"));
        assertThat(store().deleted()).isEmpty();
        assertThatThrownBy(() -> store().createDeployment(spec, audit("gone", "Created")))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("JobIDs would repeat");
    }

    @Test
    void lineageIsKeptPerVersion() {
        store().putLineage("l", "1", "{\"reads\": [\"a\"], \"writes\": []}", audit("l", "Lineage"));

        assertThat(store().lineage("l", "1")).get().asString().contains("\"a\"");
        assertThat(store().lineage("l", "2")).isEmpty();
    }

    @Test
    void eventsArePagedInOrderWithWho() {
        for (int i = 0; i < 5; i++) {
            store().appendAudit(audit(i % 2 == 0 ? "even" : "odd", "E" + i));
        }
        var first = store().events(null, 0, 3);
        var rest = store().events(null, first.get(2).id(), 10);
        var even = store().events("even", 0, 10);

        assertThat(first).extracting(e -> e.event().type()).containsExactly("E0", "E1", "E2");
        assertThat(rest).extracting(e -> e.event().type()).containsExactly("E3", "E4");
        assertThat(even).extracting(e -> e.event().type()).containsExactly("E0", "E2", "E4");
        assertThat(first).extracting(AuditEntry::event).extracting(Event::who).containsOnly("root");
    }
}
