package io.flotilla.bench;

import io.flotilla.bench.sim.SimulatedSidecar;
import io.flotilla.sidecar.client.SidecarClient;
import io.flotilla.supervisor.ActionLimits;
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
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The supervisor at scale: 10,000 deployments on 50 simulated sidecars (same API, in-process), the
 * real PostgreSQL store. Measures tick time, requests per tick, heap, convergence after 1,000
 * desired-state changes, and time from a job's loss to its resubmission. Run by {@code
 * bench/supervisor-scale.sh}; not a test.
 */
public final class SupervisorScaleBench {

    public static void main(String[] args) throws Exception {
        int deployments = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int clusters = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int actions = args.length > 2 ? Integer.parseInt(args[2]) : ActionLimits.ACTIONS;
        int perCluster =
                args.length > 3 ? Integer.parseInt(args[3]) : ActionLimits.ACTIONS_PER_CLUSTER;
        String token = "bench-token-bench-token";
        List<SimulatedSidecar> sims = new ArrayList<>();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            Map<String, SidecarClient> clients = new LinkedHashMap<>();
            for (int c = 1; c <= clusters; c++) {
                SimulatedSidecar sim = new SimulatedSidecar("cluster-" + c, token);
                sims.add(sim);
                clients.put("cluster-" + c, new SidecarClient(sim.uri(), token));
            }
            Migrations.apply(pg.getPostgresDatabase());
            // The pool the supervisor process uses: the parallel actions plus the loop's own.
            javax.sql.DataSource pool =
                    io.flotilla.supervisor.jdbc.ConnectionPool.of(
                            pg.getPostgresDatabase(), actions + 8, "bench");
            JdbcDeploymentStore store = new JdbcDeploymentStore(pool, false);
            List<DeploymentSpec> specs = new ArrayList<>();
            for (int i = 0; i < deployments; i++) {
                specs.add(spec("job-" + i, "cluster-" + (i % clusters + 1)));
            }
            long t0 = System.nanoTime();
            store.putSpecs(specs);
            System.out.printf(
                    "stored %d deployments in %.1f s (one batched transaction)%n",
                    deployments, secs(t0));
            specs = null;
            ActionLimits limits = ActionLimits.defaults().withParallelism(actions, perCluster);
            System.out.printf(
                    "limits: %d actions at once, %d per cluster, follow-ups every %s%n",
                    limits.actions(), limits.actionsPerCluster(), limits.followUpEvery());
            Supervisor supervisor =
                    Supervisor.create(
                            store,
                            ClusterPorts.of(new SidecarClusterPorts(clients)),
                            Clock.system(),
                            SupervisorConfig.defaults(),
                            limits,
                            1);

            Convergence first =
                    converge(supervisor, store, true, d -> d.status().phase() == Phase.RUNNING);
            System.out.printf(
                    "first deploy: all %d RUNNING after %s%n", deployments, first.describe());

            List<Double> tickSeconds = new ArrayList<>();
            List<Long> requestsPerTick = new ArrayList<>();
            List<Double> tickCpu = new ArrayList<>();
            List<Integer> rowsRead = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long before = requests(sims);
                long cpu = cpuNanos();
                long start = System.nanoTime();
                supervisor.tick();
                tickSeconds.add(secs(start));
                tickCpu.add((cpuNanos() - cpu) / 1e9);
                requestsPerTick.add(requests(sims) - before);
                rowsRead.add(store.lastLoadRead());
            }
            Collections.sort(tickCpu);
            System.out.printf(
                    "steady tick CPU of this JVM: median %.2f s; rows read from PostgreSQL per tick %s%n",
                    tickCpu.get(2), rowsRead);
            System.gc();
            Runtime rt = Runtime.getRuntime();
            long heapMb = (rt.totalMemory() - rt.freeMemory()) >> 20;
            Collections.sort(tickSeconds);
            System.out.printf(
                    "steady tick: median %.2f s (min %.2f, max %.2f); requests per tick %s; heap after GC %d MiB; %s%n",
                    tickSeconds.get(2),
                    tickSeconds.get(0),
                    tickSeconds.get(4),
                    requestsPerTick,
                    heapMb,
                    load());

            List<Deployment> all = store.loadAll();
            java.util.Set<String> stopped = new java.util.HashSet<>();
            List<DeploymentSpec> changes = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                // Spread over the clusters, as changes by many teams would be.
                DeploymentSpec s = all.get(i * (all.size() / 1_000)).spec();
                stopped.add(s.name());
                changes.add(
                        s.withDesiredState(DesiredState.STOPPED)
                                .withGeneration(s.generation() + 1));
            }
            all = null;
            t0 = System.nanoTime();
            store.putSpecs(changes);
            // As the API's store does after each change: the supervisor looks at once.
            stopped.forEach(supervisor::wake);
            double write = secs(t0);
            Convergence stop =
                    converge(
                            supervisor,
                            store,
                            false,
                            d ->
                                    !stopped.contains(d.name())
                                            || d.status().phase() == Phase.STOPPED);
            System.out.printf(
                    "1,000 desired-state changes (stop with savepoint): written in %.1f s, converged after %s%n",
                    write, stop.describe());

            // A lost job's resubmission from its checkpoint first lists the cluster's state
            // (GET /v1/state, the restore check), which the simulated sidecar does not serve; so
            // that part of the bench (issue 4) is left out until it does.
            System.out.println(
                    "job lost -> resubmitted: not measured (the simulated sidecar serves no GET /v1/state for the restore check)");
        } finally {
            sims.forEach(SimulatedSidecar::close);
        }
    }

    /** How a convergence went: ticks and follow-up rounds, and the supervisor's time in them. */
    record Convergence(
            int ticks, int followUps, double seconds, double checkSeconds, double cpuSeconds) {
        String describe() {
            return String.format(
                    "%d ticks and %d follow-up rounds, %.1f s (plus %.1f s of the bench's own completion checks); this JVM's CPU %.1f s; %s",
                    ticks, followUps, seconds, checkSeconds, cpuSeconds, load());
        }
    }

    /** CPU time of this JVM (supervisor and simulated sidecars; PostgreSQL is another process). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The machine's load average, as the figures depend on it. */
    static String load() {
        try {
            String[] l =
                    java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                            .split(" ");
            return "load average " + l[0] + " " + l[1] + " " + l[2];
        } catch (java.io.IOException e) {
            return "load average unknown";
        }
    }

    /**
     * The server's loop, back to back: a tick (unless {@code tickFirst} is false: then the woken
     * deployments' follow-ups come first), then the follow-ups as they fall due, until every
     * deployment is done. The completion check (a full load) is timed apart.
     */
    private static Convergence converge(
            Supervisor supervisor,
            JdbcDeploymentStore store,
            boolean tickFirst,
            Predicate<Deployment> done) {
        int ticks = 0;
        int followUps = 0;
        long cpu0 = cpuNanos();
        long work = 0;
        long checks = 0;
        boolean tick = tickFirst;
        for (int round = 0; round < 200; round++) {
            long t0 = System.nanoTime();
            if (tick) {
                supervisor.tick();
                ticks++;
            }
            tick = true;
            while (true) {
                var due = supervisor.nextFollowUp();
                if (due.isEmpty()) {
                    break;
                }
                long wait =
                        java.time.Duration.between(java.time.Instant.now(), due.get()).toMillis();
                if (wait > 1_000) {
                    break; // beyond the next tick
                }
                if (wait > 0) {
                    sleep(wait);
                }
                supervisor.followUp();
                followUps++;
            }
            work += System.nanoTime() - t0;
            long c0 = System.nanoTime();
            boolean all = store.loadAll().stream().allMatch(done);
            checks += System.nanoTime() - c0;
            if (all) {
                return new Convergence(
                        ticks, followUps, work / 1e9, checks / 1e9, (cpuNanos() - cpu0) / 1e9);
            }
        }
        throw new IllegalStateException("not converged after 200 rounds");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long requests(List<SimulatedSidecar> sims) {
        return sims.stream().mapToLong(SimulatedSidecar::requests).sum();
    }

    private static DeploymentSpec spec(String name, String cluster) {
        return new DeploymentSpec(
                name,
                "bench",
                "examples/orders",
                "1",
                "s3://flotilla-artifacts/bench/" + "a".repeat(64) + ".jar",
                "a".repeat(64),
                "io.flotilla.examples.orders.OrdersJob",
                List.of(),
                1,
                DesiredState.RUNNING,
                UpgradeMode.SAVEPOINT,
                cluster,
                null,
                1,
                null,
                0);
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
