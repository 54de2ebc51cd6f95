package io.flotilla.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.sidecar.client.SidecarClient;
import io.flotilla.sidecar.jobs.JobApi;
import io.flotilla.supervisor.LeaderLoop;
import io.flotilla.supervisor.Supervisor;
import io.flotilla.supervisor.SupervisorConfig;
import io.flotilla.supervisor.jdbc.JdbcDeploymentStore;
import io.flotilla.supervisor.jdbc.JdbcLeaderLease;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.DeploymentSpec;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.model.Phase;
import io.flotilla.supervisor.port.Clock;
import io.flotilla.supervisor.port.ClusterPorts;
import io.flotilla.supervisor.port.DeploymentStore;
import io.flotilla.supervisor.sidecar.SidecarClusterPorts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Supervisors dying mid-release and handing over leadership, on the real platform. */
class SupervisorHaITCase {

    private static final Set<String> ENDED = Set.of("FINISHED", "CANCELED", "FAILED");
    private static final SupervisorConfig CONFIG = TestingSupervisors.FAST;

    /** A supervisor process dying: an Error, so nothing in the tick catches it. */
    static final class ProcessDeath extends Error {
        ProcessDeath(String where) {
            super("simulated death " + where);
        }
    }

    /** The PostgreSQL store, with a switch that kills the process before its n-th save. */
    static final class DyingStore implements DeploymentStore {
        final JdbcDeploymentStore real;
        int saves;
        int dieAt = -1;

        DyingStore(JdbcDeploymentStore real) {
            this.real = real;
        }

        @Override
        public List<Deployment> loadAll() {
            return real.loadAll();
        }

        @Override
        public void save(Deployment d, long token) {
            if (++saves == dieAt) {
                dieAt = -1;
                throw new ProcessDeath(
                        "before save "
                                + saves
                                + " of "
                                + d.name()
                                + " ("
                                + d.status().phase()
                                + ")");
            }
            real.save(d, token);
        }

        @Override
        public void appendEvent(Event e) {
            real.appendEvent(e);
        }
    }

    static LocalPlatform platform;
    static DataSource db;
    static Map<String, SidecarClient> sidecars;
    static ClusterPorts ports;
    static Artifacts.Published artifact;
    // Above any lease token the other test may have shown the sidecar, which refuses lower ones.
    static long nextToken = 1_000;

    @BeforeAll
    static void start() {
        platform =
                TestingPlatforms.start(
                        TestingPlatforms.freshHome("supervisor-ha"), 1, "--slots", "6");
        db = TestingSupervisors.database(platform);
        sidecars = TestingSupervisors.sidecars(platform);
        ports = ClusterPorts.of(new SidecarClusterPorts(sidecars));
        artifact = TestingPlatforms.publishExample(platform);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    private static DeploymentSpec spec(String name) {
        return TestingSupervisors.orders(name, "cluster-1", artifact);
    }

    @Test
    void supervisorKilledAtEachStepOfAReleaseLeavesExactlyOneJobRestoredFromTheSavepoint() {
        JdbcDeploymentStore real = new JdbcDeploymentStore(db, false);
        DyingStore store = new DyingStore(real);
        real.putSpec(spec("rel"));
        Supervisor[] current = {
            Supervisor.create(store, ports, Clock.system(), CONFIG, nextToken++)
        };
        tickUntil(
                current,
                store,
                "rel running with a checkpoint",
                () ->
                        job(real, "rel")
                                .map(
                                        j ->
                                                j.completedCheckpoints() != null
                                                        && j.completedCheckpoints() > 0)
                                .orElse(false));

        for (int dieAt = 1; dieAt <= 3; dieAt++) {
            Deployment before = deployment(real, "rel");
            String oldJob = before.status().jobId();
            String version = String.valueOf(dieAt + 1);
            real.putSpec(
                    before.spec()
                            .withVersion(version, artifact.uri(), artifact.sha256())
                            .withGeneration(before.spec().generation() + 1));
            store.saves = 0;
            store.dieAt = dieAt;
            tickUntil(
                    current,
                    store,
                    "release " + version,
                    () -> {
                        Deployment d = deployment(real, "rel");
                        return d.status().phase() == Phase.RUNNING
                                && !oldJob.equals(d.status().jobId())
                                && d.lastReconciledSpec().version().equals(version)
                                && job(real, "rel")
                                        .map(j -> j.restoredFrom() != null)
                                        .orElse(false);
                    });
            // From the list, as the supervisor reads it: Flink caches a job's detail view.
            JobApi.JobView old =
                    sidecars.get("cluster-1").jobs().stream()
                            .filter(j -> j.jobId().equals(oldJob))
                            .findFirst()
                            .orElseThrow();
            JobApi.JobView now = job(real, "rel").orElseThrow();
            assertThat(old.status())
                    .as(
                            "old job %s; events %s",
                            oldJob,
                            real.events("rel").stream()
                                    .map(e -> e.type() + ": " + e.message())
                                    .toList())
                    .isEqualTo("FINISHED");
            assertThat(now.restoredFrom())
                    .as("release %s after death at save %d", version, dieAt)
                    .startsWith(
                            "s3://flotilla-state/cluster-1/savepoints/" + oldJob + "/savepoint-");
            assertThat(liveJobsOf(real, "rel"))
                    .as("live jobs after release %s", version)
                    .isEqualTo(1);
        }
        assertThat(submittedJobIds(real, "rel")).doesNotHaveDuplicates();
    }

    @Test
    void secondSupervisorTakesOverWhenTheLeaderDiesAndNoActionIsDoneTwice() {
        JdbcDeploymentStore store = new JdbcDeploymentStore(db, true);
        JdbcLeaderLease lease = new JdbcLeaderLease(db);
        Duration ttl = Duration.ofSeconds(3);
        LeaderLoop a =
                new LeaderLoop(
                        "supervisor-a",
                        lease,
                        ttl,
                        token -> Supervisor.create(store, ports, Clock.system(), CONFIG, token));
        LeaderLoop b =
                new LeaderLoop(
                        "supervisor-b",
                        lease,
                        ttl,
                        token -> Supervisor.create(store, ports, Clock.system(), CONFIG, token));
        store.putSpec(spec("ha-1"));
        store.putSpec(spec("ha-2"));
        stepUntil(
                List.of(a, b),
                store,
                "ha-1 and ha-2 running",
                () -> running(store, "ha-1") && running(store, "ha-2"));
        assertThat(a.leading() ^ b.leading()).isTrue();
        LeaderLoop leader = a.leading() ? a : b;
        LeaderLoop standby = leader == a ? b : a;

        // The leader dies (it stops stepping); a new deployment arrives meanwhile.
        store.putSpec(spec("ha-3"));
        stepUntil(
                List.of(standby),
                store,
                "the standby to lead and start ha-3",
                () -> standby.leading() && running(store, "ha-3"));
        assertThat(standby.token()).isGreaterThan(leader.token());

        for (String name : List.of("ha-1", "ha-2", "ha-3")) {
            assertThat(submittedJobIds(store, name)).as(name).hasSize(1);
            assertThat(job(store, name))
                    .as(name)
                    .hasValueSatisfying(j -> assertThat(j.status()).isEqualTo("RUNNING"));
        }
        assertThat(store.events("ha-3")).allMatch(e -> e.fencingToken() == standby.token());
    }

    private static boolean running(JdbcDeploymentStore store, String name) {
        return deployment(store, name).status().phase() == Phase.RUNNING
                && job(store, name).map(j -> j.status().equals("RUNNING")).orElse(false);
    }

    /** Live jobs on the cluster among every job the supervisor ever submitted for {@code name}. */
    private static long liveJobsOf(JdbcDeploymentStore store, String name) {
        List<String> ours = submittedJobIds(store, name);
        return sidecars.get("cluster-1").jobs().stream()
                .filter(j -> !ENDED.contains(j.status()) && ours.contains(j.jobId()))
                .count();
    }

    private static List<String> submittedJobIds(JdbcDeploymentStore store, String name) {
        return store.events(name).stream()
                .filter(e -> e.type().equals("Submitted") && e.message().startsWith("submitted "))
                .map(e -> e.message().split(" ")[1])
                .toList();
    }

    private static Deployment deployment(JdbcDeploymentStore store, String name) {
        return TestingSupervisors.deployment(store, name);
    }

    private static Optional<JobApi.JobView> job(JdbcDeploymentStore store, String name) {
        return TestingSupervisors.job(store, sidecars, name);
    }

    private static void tickUntil(
            Supervisor[] current, DyingStore store, String what, BooleanSupplier done) {
        Runnable tickOrDie =
                () -> {
                    try {
                        current[0].tick();
                    } catch (ProcessDeath death) {
                        // The process is gone; a new one starts on the same store, with a new
                        // token.
                        current[0] =
                                Supervisor.create(
                                        store, ports, Clock.system(), CONFIG, nextToken++);
                    }
                };
        TestingSupervisors.until(tickOrDie, what, done, store.real);
    }

    private static void stepUntil(
            List<LeaderLoop> loops, JdbcDeploymentStore store, String what, BooleanSupplier done) {
        TestingSupervisors.until(() -> loops.forEach(LeaderLoop::step), what, done, store);
    }
}
