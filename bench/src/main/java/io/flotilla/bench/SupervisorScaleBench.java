package io.flotilla.bench;

import io.flotilla.bench.sim.SimulatedSidecar;
import io.flotilla.sidecar.client.SidecarClient;
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
            JdbcDeploymentStore store = new JdbcDeploymentStore(pg.getPostgresDatabase(), false);
            long t0 = System.nanoTime();
            for (int i = 0; i < deployments; i++) {
                store.putSpec(spec("job-" + i, "cluster-" + (i % clusters + 1)));
            }
            System.out.printf("stored %d deployments in %.1f s%n", deployments, secs(t0));
            Supervisor supervisor =
                    Supervisor.create(
                            store,
                            ClusterPorts.of(new SidecarClusterPorts(clients)),
                            Clock.system(),
                            SupervisorConfig.defaults(),
                            1);

            t0 = System.nanoTime();
            int ticks = until(supervisor, store, d -> d.status().phase() == Phase.RUNNING);
            System.out.printf(
                    "first deploy: all %d RUNNING after %d ticks, %.1f s%n",
                    deployments, ticks, secs(t0));

            List<Double> tickSeconds = new ArrayList<>();
            List<Long> requestsPerTick = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long before = requests(sims);
                long start = System.nanoTime();
                supervisor.tick();
                tickSeconds.add(secs(start));
                requestsPerTick.add(requests(sims) - before);
            }
            System.gc();
            Runtime rt = Runtime.getRuntime();
            long heapMb = (rt.totalMemory() - rt.freeMemory()) >> 20;
            Collections.sort(tickSeconds);
            System.out.printf(
                    "steady tick: median %.2f s (min %.2f, max %.2f); requests per tick %s; heap after GC %d MiB%n",
                    tickSeconds.get(2),
                    tickSeconds.get(0),
                    tickSeconds.get(4),
                    requestsPerTick,
                    heapMb);

            List<Deployment> all = store.loadAll();
            java.util.Set<String> stopped = new java.util.HashSet<>();
            t0 = System.nanoTime();
            for (int i = 0; i < 1_000; i++) {
                DeploymentSpec s = all.get(i).spec();
                stopped.add(s.name());
                store.putSpec(
                        s.withDesiredState(DesiredState.STOPPED)
                                .withGeneration(s.generation() + 1));
            }
            double write = secs(t0);
            t0 = System.nanoTime();
            ticks =
                    until(
                            supervisor,
                            store,
                            d ->
                                    !stopped.contains(d.name())
                                            || d.status().phase() == Phase.STOPPED);
            System.out.printf(
                    "1,000 desired-state changes (stop): written in %.1f s, converged after %d ticks, %.1f s%n",
                    write, ticks, secs(t0));

            Deployment victim =
                    store.loadAll().stream()
                            .filter(d -> d.status().phase() == Phase.RUNNING)
                            .findFirst()
                            .orElseThrow();
            String lostJob = victim.status().jobId();
            sims.get(Integer.parseInt(victim.spec().cluster().substring("cluster-".length())) - 1)
                    .lose(lostJob);
            t0 = System.nanoTime();
            ticks =
                    until(
                            supervisor,
                            store,
                            d ->
                                    !d.name().equals(victim.name())
                                            || (d.status().jobId() != null
                                                    && !d.status().jobId().equals(lostJob)
                                                    && d.status().phase() == Phase.RUNNING));
            System.out.printf(
                    "job lost -> resubmitted and RUNNING: %d ticks, %.2f s (no pause between ticks)%n",
                    ticks, secs(t0));
        } finally {
            sims.forEach(SimulatedSidecar::close);
        }
    }

    private static int until(
            Supervisor supervisor, JdbcDeploymentStore store, Predicate<Deployment> done) {
        for (int ticks = 1; ticks <= 200; ticks++) {
            supervisor.tick();
            if (store.loadAll().stream().allMatch(done)) {
                return ticks;
            }
        }
        throw new IllegalStateException("not converged after 200 ticks");
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
