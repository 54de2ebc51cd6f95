package io.flotilla.local;

import static io.flotilla.local.TestingSupervisors.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.sidecar.client.SidecarClient;
import io.flotilla.sidecar.jobs.JobApi;
import io.flotilla.supervisor.StateControl;
import io.flotilla.supervisor.Supervisor;
import io.flotilla.supervisor.SupervisorConfig;
import io.flotilla.supervisor.jdbc.JdbcDeploymentStore;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.DesiredState;
import io.flotilla.supervisor.model.Phase;
import io.flotilla.supervisor.port.Clock;
import io.flotilla.supervisor.port.ClusterPorts;
import io.flotilla.supervisor.sidecar.SidecarClusterPorts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The supervisor's core, PostgreSQL store and sidecar ports on the real two-cluster platform. */
class SupervisorITCase {

    private static final Set<String> ENDED = Set.of("FINISHED", "CANCELED", "FAILED");

    static LocalPlatform platform;
    static JdbcDeploymentStore store;
    static Supervisor supervisor;
    static Map<String, SidecarClient> sidecars;
    static Artifacts.Published artifact;

    @BeforeAll
    static void start() {
        platform =
                TestingPlatforms.start(TestingPlatforms.freshHome("supervisor"), 2, "--slots", "6");
        store = new JdbcDeploymentStore(TestingSupervisors.database(platform), false);
        sidecars = TestingSupervisors.sidecars(platform);
        supervisor =
                Supervisor.create(
                        store,
                        ClusterPorts.of(new SidecarClusterPorts(sidecars)),
                        Clock.system(),
                        SupervisorConfig.defaults(),
                        1);
        artifact = TestingPlatforms.publishExample(platform);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void tenDeploymentsRunOnceEachAndSurviveAReleaseAStopStartAndACleanup() {
        for (int i = 1; i <= 10; i++) {
            store.putSpec(
                    TestingSupervisors.orders(
                            "orders-" + i, i <= 5 ? "cluster-1" : "cluster-2", artifact));
        }
        tickUntil(
                "all ten RUNNING with a checkpoint",
                () ->
                        store.loadAll().stream()
                                .allMatch(
                                        d ->
                                                d.status().phase() == Phase.RUNNING
                                                        && job(d.name())
                                                                .map(
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
        Deployment before = deployment(store, "orders-3");
        String oldJob = before.status().jobId();
        store.putSpec(
                before.spec()
                        .withVersion("2", artifact.uri(), artifact.sha256())
                        .withGeneration(before.spec().generation() + 1));
        tickUntil(
                "orders-3 released",
                () -> {
                    Deployment d = deployment(store, "orders-3");
                    return d.status().phase() == Phase.RUNNING
                            && !oldJob.equals(d.status().jobId())
                            && job("orders-3").map(j -> j.restoredFrom() != null).orElse(false);
                });
        Deployment released = deployment(store, "orders-3");
        assertThat(job("orders-3").orElseThrow().restoredFrom())
                .startsWith("s3://flotilla-state/cluster-1/savepoints/" + oldJob + "/savepoint-");
        assertThat(released.lastReconciledSpec().version()).isEqualTo("2");

        // Stop and start orders-7: stopped with a savepoint, started again from it.
        Deployment running = deployment(store, "orders-7");
        store.putSpec(
                running.spec()
                        .withDesiredState(DesiredState.STOPPED)
                        .withGeneration(running.spec().generation() + 1));
        tickUntil(
                "orders-7 STOPPED",
                () -> deployment(store, "orders-7").status().phase() == Phase.STOPPED);
        String savepoint = deployment(store, "orders-7").status().lastSavepoint();
        assertThat(savepoint).startsWith("s3://flotilla-state/cluster-2/savepoints/");
        Deployment stopped = deployment(store, "orders-7");
        store.putSpec(
                stopped.spec()
                        .withDesiredState(DesiredState.RUNNING)
                        .withGeneration(stopped.spec().generation() + 1));
        tickUntil(
                "orders-7 RUNNING again from its savepoint",
                () -> {
                    Deployment d = deployment(store, "orders-7");
                    return d.status().phase() == Phase.RUNNING
                            && job("orders-7")
                                    .map(j -> savepoint.equals(j.restoredFrom()))
                                    .orElse(false);
                });
        assertOneLiveJobPerDeployment();
        assertThat(store.events("orders-3")).isNotEmpty();

        // State control: clean both clusters as hard as retention allows; every pin survives.
        List<String> pinned = new ArrayList<>();
        for (Deployment d : store.loadAll()) {
            pinned.addAll(
                    Stream.of(d.status().lastSavepoint(), d.status().lastCheckpoint())
                            .filter(Objects::nonNull)
                            .toList());
        }
        // Counted without the live jobs' checkpoints: the ten jobs checkpoint every second
        // meanwhile and Flink drops their older ones itself, so only the rest shows the cleaning.
        java.util.Set<String> live = new java.util.HashSet<>();
        store.loadAll().stream()
                .map(d -> d.status().jobId())
                .filter(Objects::nonNull)
                .forEach(live::add);
        java.util.function.Predicate<String> notLive =
                p -> live.stream().noneMatch(j -> p.contains("/checkpoints/" + j));
        long othersBefore = stateEntries().stream().filter(notLive).count();
        new StateControl(
                        store,
                        new SidecarClusterPorts(sidecars),
                        Clock.system(),
                        new StateControl.Retention(0, Duration.ZERO, Duration.ZERO))
                .run(1);
        List<String> after = stateEntries();
        assertThat(after.stream().filter(notLive).count()).isLessThan(othersBefore);
        for (String pin : pinned) {
            assertThat(pin.contains("/chk-") ? stillOrNewer(pin, after) : after.contains(pin))
                    .as("pinned %s survives the cleanup (a checkpoint: or Flink's newer one)", pin)
                    .isTrue();
        }
        tickUntil(
                "all still running after the cleanup",
                () -> store.loadAll().stream().allMatch(d -> d.status().phase() == Phase.RUNNING));
        assertOneLiveJobPerDeployment();
    }

    private static Optional<JobApi.JobView> job(String name) {
        return TestingSupervisors.job(store, sidecars, name);
    }

    /**
     * Whether checkpoint {@code pin} is listed, or a newer checkpoint of its job: the pin was read
     * from the store a moment before, and Flink keeps only a job's newest three.
     */
    private static boolean stillOrNewer(String pin, List<String> listed) {
        int cut = pin.lastIndexOf("/chk-");
        String job = pin.substring(0, cut + 5);
        long n = Long.parseLong(pin.substring(cut + 5));
        return listed.stream()
                .anyMatch(
                        p ->
                                p.startsWith(job)
                                        && p.substring(job.length()).matches("\\d+")
                                        && Long.parseLong(p.substring(job.length())) >= n);
    }

    private static List<String> stateEntries() {
        List<String> paths = new ArrayList<>();
        for (SidecarClient s : sidecars.values()) {
            s.state().entries().forEach(e -> paths.add(e.path()));
        }
        return paths;
    }

    private static void assertOneLiveJobPerDeployment() {
        long live =
                sidecars.values().stream()
                        .flatMap(s -> s.jobs().stream())
                        .filter(j -> !ENDED.contains(j.status()))
                        .count();
        assertThat(live).as("live jobs on both clusters").isEqualTo(10);
        for (Deployment d : store.loadAll()) {
            assertThat(job(d.name()))
                    .as(d.name())
                    .hasValueSatisfying(j -> assertThat(ENDED).doesNotContain(j.status()));
        }
    }

    private static void tickUntil(String what, BooleanSupplier done) {
        TestingSupervisors.until(supervisor::tick, what, done, store);
    }
}
