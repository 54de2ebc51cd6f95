package io.flotilla.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.sidecar.client.SidecarClient;
import io.flotilla.sidecar.jobs.JobApi;
import io.flotilla.supervisor.StateControl;
import io.flotilla.supervisor.Supervisor;
import io.flotilla.supervisor.SupervisorConfig;
import io.flotilla.supervisor.jdbc.JdbcDeploymentStore;
import io.flotilla.supervisor.jdbc.Migrations;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.DeploymentSpec;
import io.flotilla.supervisor.model.DesiredState;
import io.flotilla.supervisor.model.Phase;
import io.flotilla.supervisor.model.UpgradeMode;
import io.flotilla.supervisor.port.Clock;
import io.flotilla.supervisor.port.ClusterPorts;
import io.flotilla.supervisor.sidecar.SidecarClusterPorts;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import software.amazon.awssdk.services.s3.S3Client;

/** The supervisor's core, PostgreSQL store and sidecar ports on the real two-cluster platform. */
class SupervisorITCase {

    private static final Set<String> ENDED = Set.of("FINISHED", "CANCELED", "FAILED");

    static LocalPlatform platform;
    static JdbcDeploymentStore store;
    static Supervisor supervisor;
    static Map<String, SidecarClient> sidecars = new LinkedHashMap<>();
    static Artifacts.Published artifact;

    @BeforeAll
    static void start() {
        platform =
                TestingPlatforms.start(TestingPlatforms.freshHome("supervisor"), 2, "--slots", "6");
        PGSimpleDataSource db = new PGSimpleDataSource();
        db.setUrl(platform.database().jdbcUrl());
        db.setUser(platform.database().user());
        Migrations.apply(db);
        store = new JdbcDeploymentStore(db, false);
        for (FlinkCluster c : platform.clusters()) {
            sidecars.put(
                    c.name(),
                    new SidecarClient(platform.sidecar(c.name()).uri(), platform.sidecarToken()));
        }
        supervisor =
                Supervisor.create(
                        store,
                        ClusterPorts.of(new SidecarClusterPorts(sidecars)),
                        Clock.system(),
                        SupervisorConfig.defaults(),
                        1);
        try (S3Client s3 = platform.s3().client()) {
            artifact = Artifacts.publish(s3, TestingPlatforms.exampleJar(), "examples/orders");
        }
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    private static DeploymentSpec spec(String name, String cluster) {
        return new DeploymentSpec(
                name,
                "team-orders",
                "examples/orders",
                "1",
                artifact.uri(),
                artifact.sha256(),
                Demo.ENTRY_CLASS,
                List.of(
                        "--checkpoint-interval",
                        "2",
                        "--sink",
                        "blackhole",
                        "--rows-per-second",
                        "5"),
                1,
                DesiredState.RUNNING,
                UpgradeMode.SAVEPOINT,
                cluster,
                null,
                1);
    }

    @Test
    void tenDeploymentsRunOnceEachAndSurviveAReleaseAndAStopStart() {
        for (int i = 1; i <= 10; i++) {
            store.putSpec(spec("orders-" + i, i <= 5 ? "cluster-1" : "cluster-2"));
        }
        tickUntil(
                "all ten RUNNING with a checkpoint",
                () ->
                        store.loadAll().stream()
                                .allMatch(
                                        d ->
                                                d.status().phase() == Phase.RUNNING
                                                        && job(d).map(
                                                                        j ->
                                                                                j
                                                                                                        .completedCheckpoints()
                                                                                                != null
                                                                                        && j
                                                                                                        .completedCheckpoints()
                                                                                                > 0)
                                                                .orElse(false)));
        assertOneLiveJobPerDeployment();

        // Release: a new version of orders-3 starts from the savepoint of the old one.
        Deployment before = deployment("orders-3");
        String oldJob = before.status().jobId();
        store.putSpec(
                before.spec()
                        .withVersion("2", artifact.uri(), artifact.sha256())
                        .withGeneration(before.spec().generation() + 1));
        tickUntil(
                "orders-3 released",
                () -> {
                    Deployment d = deployment("orders-3");
                    return d.status().phase() == Phase.RUNNING
                            && !oldJob.equals(d.status().jobId())
                            && job(d).map(j -> j.restoredFrom() != null).orElse(false);
                });
        Deployment released = deployment("orders-3");
        JobApi.JobView oldView = sidecars.get("cluster-1").job(oldJob).job();
        assertThat(oldView.status()).isEqualTo("FINISHED");
        assertThat(job(released).orElseThrow().restoredFrom())
                .isEqualTo(
                        oldView.lastSavepointPath() != null
                                ? oldView.lastSavepointPath()
                                : released.status().lastSavepoint());
        assertThat(released.lastReconciledSpec().version()).isEqualTo("2");

        // Stop and start orders-7: stopped with a savepoint, started again from it.
        Deployment running = deployment("orders-7");
        store.putSpec(
                running.spec()
                        .withDesiredState(DesiredState.STOPPED)
                        .withGeneration(running.spec().generation() + 1));
        tickUntil(
                "orders-7 STOPPED", () -> deployment("orders-7").status().phase() == Phase.STOPPED);
        String savepoint = deployment("orders-7").status().lastSavepoint();
        assertThat(savepoint).startsWith("s3://flotilla-state/cluster-2/savepoints/");
        Deployment stopped = deployment("orders-7");
        store.putSpec(
                stopped.spec()
                        .withDesiredState(DesiredState.RUNNING)
                        .withGeneration(stopped.spec().generation() + 1));
        tickUntil(
                "orders-7 RUNNING again",
                () -> {
                    Deployment d = deployment("orders-7");
                    return d.status().phase() == Phase.RUNNING
                            && job(d).map(j -> savepoint.equals(j.restoredFrom())).orElse(false);
                });
        assertOneLiveJobPerDeployment();
        assertThat(store.events("orders-3")).isNotEmpty();

        // State control: clean both clusters as hard as retention allows; every pin survives.
        SidecarClusterPorts cleaner = new SidecarClusterPorts(sidecars);
        List<String> pinned = new java.util.ArrayList<>();
        for (Deployment d : store.loadAll()) {
            pinned.addAll(
                    java.util.stream.Stream.of(
                                    d.status().lastSavepoint(), d.status().lastCheckpoint())
                            .filter(java.util.Objects::nonNull)
                            .toList());
        }
        int entriesBefore = stateEntries().size();
        new StateControl(
                        store,
                        cleaner,
                        Clock.system(),
                        new StateControl.Retention(0, Duration.ZERO, Duration.ZERO))
                .run(1);
        List<String> after = stateEntries();
        assertThat(after.size()).isLessThan(entriesBefore);
        assertThat(after)
                .containsAll(
                        pinned.stream()
                                .map(p -> p.endsWith("/") ? p.substring(0, p.length() - 1) : p)
                                .toList());
        tickUntil(
                "all still running after the cleanup",
                () -> store.loadAll().stream().allMatch(d -> d.status().phase() == Phase.RUNNING));
        assertOneLiveJobPerDeployment();
    }

    private static List<String> stateEntries() {
        List<String> paths = new java.util.ArrayList<>();
        for (SidecarClient s : sidecars.values()) {
            paths.addAll(s.get("/v1/state").body().get("entries").findValuesAsText("path"));
        }
        return paths;
    }

    private static Deployment deployment(String name) {
        return store.loadAll().stream()
                .filter(d -> d.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static java.util.Optional<JobApi.JobView> job(Deployment d) {
        if (d.status().jobId() == null) {
            return java.util.Optional.empty();
        }
        return sidecars.get(d.currentCluster()).jobs().stream()
                .filter(j -> j.jobId().equals(d.status().jobId()))
                .findFirst();
    }

    private static void assertOneLiveJobPerDeployment() {
        int live = 0;
        for (SidecarClient s : sidecars.values()) {
            live += (int) s.jobs().stream().filter(j -> !ENDED.contains(j.status())).count();
        }
        assertThat(live).as("live jobs on both clusters").isEqualTo(10);
        for (Deployment d : store.loadAll()) {
            assertThat(job(d))
                    .as(d.name())
                    .hasValueSatisfying(j -> assertThat(ENDED).doesNotContain(j.status()));
        }
    }

    private static void tickUntil(String what, java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            supervisor.tick();
            if (done.getAsBoolean()) {
                return;
            }
            S3Store.sleep(500);
        }
        throw new AssertionError(
                "gave up waiting for "
                        + what
                        + ": "
                        + store.loadAll().stream()
                                .map(
                                        d ->
                                                d.name()
                                                        + "="
                                                        + d.status().phase()
                                                        + "/"
                                                        + d.status().error())
                                .toList());
    }
}
