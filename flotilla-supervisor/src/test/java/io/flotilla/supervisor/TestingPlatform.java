package io.flotilla.supervisor;

import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.DeploymentSpec;
import io.flotilla.supervisor.port.ClusterCatalog;
import java.time.Duration;

/**
 * A store, fake clusters, a clock and the supervisor instance currently running on them; a crash
 * replaces the instance, everything else survives as it would in production.
 */
final class TestingPlatform {

    static final SupervisorConfig CONFIG =
            new SupervisorConfig(
                    new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(5)),
                    new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(1)),
                    Duration.ofMinutes(5),
                    Duration.ofSeconds(30));

    final TestingDeploymentStore store = new TestingDeploymentStore();
    final TestingClusters clusters;
    final TestingClock clock = new TestingClock();

    /** The backfills whose placed slots the supervisor's placement counts. */
    final TestingBackfills backfills = new TestingBackfills(store);

    private long fencingToken = 1;

    /** The rules of the next supervisor instance ({@link #restartSupervisor}). */
    SupervisorConfig config = CONFIG;

    /** The clusters' slots for placement, or null when slots are not accounted. */
    ClusterCatalog catalog;

    /** How much the next supervisor instance does at once; sequential unless a test asks. */
    ActionLimits limits = ActionLimits.sequential();

    Supervisor supervisor;

    TestingPlatform(String... clusterNames) {
        clusters = new TestingClusters(clusterNames);
        supervisor = newSupervisor();
    }

    DeploymentSpec deploy(DeploymentSpec spec) {
        store.create(spec);
        return spec;
    }

    Supervisor.TickReport tick() {
        return supervisor.tick();
    }

    /** Ticks {@code n} times, a second apart. */
    void ticks(int n) {
        for (int i = 0; i < n; i++) {
            tick();
            clock.advance(Duration.ofSeconds(1));
        }
    }

    /** Runs the follow-ups due now, as the loop does between ticks. */
    Supervisor.TickReport followUp() {
        return supervisor.followUp();
    }

    /** Ticks, expecting the supervisor to die in it. */
    void tickAndCrash() {
        try {
            tick();
        } catch (SimulatedCrash expected) {
            supervisor = null;
            return;
        }
        throw new AssertionError("the tick was expected to crash");
    }

    /** Starts a new supervisor instance on the same store and clusters, as after a crash. */
    void restartSupervisor() {
        supervisor = newSupervisor();
    }

    Deployment deployment(String name) {
        return store.get(name);
    }

    TestingCluster cluster(String name) {
        return clusters.get(name);
    }

    private Supervisor newSupervisor() {
        // Each instance leads with a newer token, as a lease handed over would give it.
        return new Supervisor(
                store,
                clusters.ports(),
                clock,
                new DefaultObserver(catalog, backfills),
                new DefaultReconciler(config),
                config,
                limits,
                fencingToken++);
    }
}
