package io.flotilla.local;

import io.flotilla.local.demo.Demo;
import io.flotilla.local.process.FlinkCluster;
import io.flotilla.local.process.S3Store;
import io.flotilla.sidecar.client.SidecarClient;
import io.flotilla.sidecar.jobs.JobApi;
import io.flotilla.supervisor.Backoff;
import io.flotilla.supervisor.SupervisorConfig;
import io.flotilla.supervisor.jdbc.JdbcDeploymentStore;
import io.flotilla.supervisor.jdbc.Migrations;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.DeploymentSpec;
import io.flotilla.supervisor.model.DesiredState;
import io.flotilla.supervisor.model.UpgradeMode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** What the supervisor's integration tests share: the real store, the sidecars, specs, waits. */
final class TestingSupervisors {

    /** Backoffs of a second or so, so recoveries happen within a test's patience. */
    static final SupervisorConfig FAST =
            new SupervisorConfig(
                    new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5)),
                    new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5)),
                    Duration.ofMinutes(2),
                    Duration.ofSeconds(30));

    private TestingSupervisors() {}

    /** The platform's PostgreSQL with the supervisor's schema applied. */
    static DataSource database(LocalPlatform platform) {
        PGSimpleDataSource db = new PGSimpleDataSource();
        db.setUrl(platform.database().jdbcUrl());
        db.setUser(platform.database().user());
        Migrations.apply(db);
        return db;
    }

    /** A client of every cluster's sidecar, by cluster name. */
    static Map<String, SidecarClient> sidecars(LocalPlatform platform) {
        Map<String, SidecarClient> sidecars = new LinkedHashMap<>();
        for (FlinkCluster c : platform.clusters()) {
            sidecars.put(
                    c.name(),
                    new SidecarClient(platform.sidecar(c.name()).uri(), platform.sidecarToken()));
        }
        return sidecars;
    }

    /**
     * The example orders job's arguments for tests: a checkpoint a second, five rows a second into
     * a sink that keeps nothing.
     */
    static final List<String> QUIET_ORDERS =
            List.of("--checkpoint-interval", "1", "--sink", "blackhole", "--rows-per-second", "5");

    /** The example orders job as a deployment: quiet sink, frequent checkpoints. */
    static DeploymentSpec orders(String name, String cluster, Artifacts.Published artifact) {
        return new DeploymentSpec(
                name,
                "team-orders",
                "examples/orders",
                "1",
                artifact.uri(),
                artifact.sha256(),
                Demo.ENTRY_CLASS,
                QUIET_ORDERS,
                1,
                DesiredState.RUNNING,
                UpgradeMode.SAVEPOINT,
                cluster,
                null,
                1,
                null,
                0);
    }

    static Deployment deployment(JdbcDeploymentStore store, String name) {
        return store.loadAll().stream()
                .filter(d -> d.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** The deployment's current job as its cluster lists it (empty while the cluster is down). */
    static Optional<JobApi.JobView> job(
            JdbcDeploymentStore store, Map<String, SidecarClient> sidecars, String name) {
        Deployment d = deployment(store, name);
        if (d.status().jobId() == null) {
            return Optional.empty();
        }
        try {
            return sidecars.get(d.currentCluster()).jobs().stream()
                    .filter(j -> j.jobId().equals(d.status().jobId()))
                    .findFirst();
        } catch (RuntimeException clusterDown) {
            return Optional.empty();
        }
    }

    /**
     * Runs {@code tick} every half second until {@code done}, for at most five minutes (a loaded
     * machine submits slowly; this is no speed check).
     */
    static void until(Runnable tick, String what, BooleanSupplier done, JdbcDeploymentStore store) {
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (System.nanoTime() < deadline) {
            tick.run();
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
                                                        + d.status().jobId()
                                                        + "/"
                                                        + d.status().error())
                                .toList());
    }

    /**
     * Polls {@code name} through the API until {@code condition} holds, within {@code limit}; the
     * failure shows the last view and the deployment's events.
     */
    static io.flotilla.supervisor.api.DeploymentView awaitDeployment(
            io.flotilla.supervisor.api.SupervisorClient api,
            String name,
            String what,
            java.time.Duration limit,
            java.util.function.Predicate<io.flotilla.supervisor.api.DeploymentView> condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        io.flotilla.supervisor.api.DeploymentView last = null;
        while (System.nanoTime() < deadline) {
            last = api.deployment(name);
            if (condition.test(last)) {
                return last;
            }
            S3Store.sleep(500);
        }
        throw new AssertionError(
                "gave up waiting for "
                        + name
                        + " "
                        + what
                        + ": "
                        + last
                        + "; events: "
                        + api.events(name, 0, 1000).events().stream()
                                .map(e -> e.type() + ": " + e.message())
                                .toList());
    }
}
