package io.flotilla.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.DeploymentSpec;
import io.flotilla.supervisor.model.Intent;
import io.flotilla.supervisor.model.Phase;
import io.flotilla.supervisor.port.DeploymentStore;
import io.flotilla.supervisor.port.StaleWriteException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The cases every {@link DeploymentStore} must pass: run against the in-memory fake the core's
 * tests use ({@link TestingDeploymentStoreContractTest}) and against PostgreSQL ({@code
 * JdbcDeploymentStoreITCase}), so the fake cannot drift from the real store.
 */
abstract class DeploymentStoreContract {

    /** A store holding nothing but what the test creates. */
    abstract DeploymentStore store();

    /** Creates a deployment as the API would. */
    abstract void create(DeploymentSpec spec);

    /** Replaces the desired spec as the API would; the generation grows by one. */
    abstract void bumpGeneration(String name);

    /**
     * Starts a change of the desired spec (the generation grows by one) in a transaction of its own
     * that commits only when the returned action runs.
     */
    abstract Runnable beginSpecChange(String name);

    /** Deletes a deployment as the API would. */
    abstract void delete(String name);

    private java.util.Map<String, Deployment> loaded(String... names) {
        java.util.Set<String> wanted = java.util.Set.of(names);
        java.util.Map<String, Deployment> out = new java.util.TreeMap<>();
        store().loadAll().stream()
                .filter(d -> wanted.contains(d.name()))
                .forEach(d -> out.put(d.name(), d));
        return out;
    }

    private Deployment only(String name) {
        return store().loadAll().stream()
                .filter(d -> d.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void statusIntentAndLastReconciledSpecSurviveARoundTrip() {
        DeploymentSpec spec = Specs.spec("round-trip", "cluster-1");
        create(spec);
        Instant at = Instant.parse("2026-11-23T10:00:00Z");
        Intent intent =
                new Intent(
                        Intent.Step.SUBMIT,
                        "ab".repeat(16),
                        "cluster-1",
                        spec,
                        "s3://flotilla-state/cluster-1/savepoints/x",
                        null,
                        null,
                        at,
                        3);
        Deployment saved =
                only("round-trip")
                        .withLastReconciledSpec(spec)
                        .withStatus(
                                s ->
                                        s.jobId("ab".repeat(16))
                                                .phase(Phase.RUNNING)
                                                .retries(2)
                                                .intent(intent)
                                                .lastCheckpoint(
                                                        "s3://flotilla-state/cluster-1/checkpoints/x/chk-3"));
        store().save(saved, 3);

        Deployment loaded = only("round-trip");
        assertThat(loaded.status()).isEqualTo(saved.status());
        assertThat(loaded.lastReconciledSpec()).isEqualTo(spec);
        assertThat(loaded.spec()).isEqualTo(spec);
    }

    @Test
    void saveOfADeploymentWhoseSpecChangedSinceItWasReadIsRefused() {
        create(Specs.spec("moved-on", "cluster-1"));
        Deployment read = only("moved-on");
        bumpGeneration("moved-on");

        assertThatThrownBy(() -> store().save(read.withStatus(s -> s.phase(Phase.RUNNING)), 1))
                .isInstanceOf(StaleWriteException.class);
        assertThat(only("moved-on").status().phase()).isEqualTo(read.status().phase());
    }

    @Test
    void saveWithAnOlderFencingTokenAfterANewerOneIsRefused() {
        create(Specs.spec("fenced", "cluster-1"));
        store().save(only("fenced").withStatus(s -> s.retries(1)), 8);

        assertThatThrownBy(() -> store().save(only("fenced").withStatus(s -> s.retries(99)), 7))
                .isInstanceOf(StaleWriteException.class);
        assertThat(only("fenced").status().retries()).isEqualTo(1);
    }

    @Test
    void saveAllWritesEveryRowInOneGoAndReportsOnlyTheStaleOnes() {
        for (String name : java.util.List.of("batch-a", "batch-b", "batch-c")) {
            create(Specs.spec(name, "cluster-1"));
        }
        java.util.List<Deployment> read =
                java.util.List.of(only("batch-a"), only("batch-b"), only("batch-c"));
        bumpGeneration("batch-b");

        java.util.List<String> stale =
                store().saveAll(
                                read.stream()
                                        .map(d -> d.withStatus(s -> s.phase(Phase.RUNNING)))
                                        .toList(),
                                1);

        assertThat(stale).containsExactly("batch-b");
        assertThat(only("batch-a").status().phase()).isEqualTo(Phase.RUNNING);
        assertThat(only("batch-b").status().phase()).isEqualTo(read.get(1).status().phase());
        assertThat(only("batch-c").status().phase()).isEqualTo(Phase.RUNNING);
    }

    @Test
    void loadOfSomeNamesReturnsThoseThatExistAndNoOthers() {
        create(Specs.spec("load-a", "cluster-1"));
        create(Specs.spec("load-b", "cluster-1"));

        assertThat(store().load(java.util.List.of("load-a", "load-gone")))
                .extracting(Deployment::name)
                .containsExactly("load-a");
    }

    @Test
    void loadAllSeesEveryWriteCommittedBeforeItAfterAnEarlierLoad() {
        create(Specs.spec("seen-spec", "cluster-1"));
        create(Specs.spec("seen-status", "cluster-1"));
        store().loadAll();
        bumpGeneration("seen-spec");
        store().save(only("seen-status").withStatus(s -> s.retries(5)), 1);
        create(Specs.spec("seen-new", "cluster-1"));

        java.util.Map<String, Deployment> now = loaded("seen-spec", "seen-status", "seen-new");

        assertThat(now).containsOnlyKeys("seen-spec", "seen-status", "seen-new");
        assertThat(now.get("seen-spec").spec().generation()).isEqualTo(2);
        assertThat(now.get("seen-status").status().retries()).isEqualTo(5);
    }

    @Test
    void aWriteThatBeganBeforeALaterCommittedOneIsSeenOnceItCommits() {
        create(Specs.spec("slow-writer", "cluster-1"));
        create(Specs.spec("fast-writer", "cluster-1"));
        store().loadAll();
        // The slow write starts first (the lower transaction id or sequence value) and commits
        // last, after a load has seen the fast one.
        Runnable commitSlow = beginSpecChange("slow-writer");
        bumpGeneration("fast-writer");
        java.util.Map<String, Deployment> between = loaded("slow-writer", "fast-writer");
        assertThat(between.get("fast-writer").spec().generation()).isEqualTo(2);
        assertThat(between.get("slow-writer").spec().generation()).isEqualTo(1);

        commitSlow.run();

        assertThat(loaded("slow-writer").get("slow-writer").spec().generation()).isEqualTo(2);
    }

    @Test
    void aDeletedDeploymentLeavesTheNextLoadEvenWhenAnotherTakesItsPlace() {
        create(Specs.spec("deleted-a", "cluster-1"));
        create(Specs.spec("deleted-b", "cluster-1"));
        store().loadAll();
        delete("deleted-a");
        assertThat(loaded("deleted-a", "deleted-b")).containsOnlyKeys("deleted-b");

        delete("deleted-b");
        create(Specs.spec("deleted-c", "cluster-1"));

        assertThat(loaded("deleted-a", "deleted-b", "deleted-c")).containsOnlyKeys("deleted-c");
    }

    @Test
    void loadsWithNothingWrittenBetweenThemAnswerTheSame() {
        create(Specs.spec("unchanged", "cluster-1"));
        java.util.List<Deployment> first = store().loadAll();

        assertThat(store().loadAll()).isEqualTo(first);
    }
}
