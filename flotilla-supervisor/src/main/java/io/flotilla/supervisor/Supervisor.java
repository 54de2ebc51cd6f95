package io.flotilla.supervisor;

import io.flotilla.supervisor.model.ClusterObservation;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.model.ObservedState;
import io.flotilla.supervisor.port.Clock;
import io.flotilla.supervisor.port.ClusterPorts;
import io.flotilla.supervisor.port.DeploymentStore;
import io.flotilla.supervisor.port.StaleWriteException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The loop: each tick observes every cluster once, reconciles every deployment and carries out what
 * was decided. It keeps nothing between ticks that the store does not hold, except which clusters
 * are backing off, so a new instance after a crash picks up exactly where the store is.
 */
public final class Supervisor {

    private final DeploymentStore store;
    private final Clock clock;
    private final Observer observer;
    private final Reconciler reconciler;
    private final ClusterWatcher watcher;
    private final ActionExecutor executor;
    private final long fencingToken;

    /** What one tick did, for metrics and tests. */
    public record TickReport(
            int deployments, int clusters, int unreachableClusters, int sideEffects, int errors) {}

    public Supervisor(
            DeploymentStore store,
            ClusterPorts ports,
            Clock clock,
            Observer observer,
            Reconciler reconciler,
            SupervisorConfig config,
            long fencingToken) {
        this.store = store;
        this.clock = clock;
        this.observer = observer;
        this.reconciler = reconciler;
        this.fencingToken = fencingToken;
        this.watcher = new ClusterWatcher(ports.lister(), config.clusterBackoff(), fencingToken);
        this.executor = new ActionExecutor(store, ports, watcher, config, fencingToken);
    }

    /** A supervisor with the default observer and reconciler. */
    public static Supervisor create(
            DeploymentStore store,
            ClusterPorts ports,
            Clock clock,
            SupervisorConfig config,
            long fencingToken) {
        return new Supervisor(
                store,
                ports,
                clock,
                new DefaultObserver(),
                new DefaultReconciler(config),
                config,
                fencingToken);
    }

    public TickReport tick() {
        Instant now = clock.now();
        List<Deployment> deployments = store.loadAll();
        Set<String> clusters = new TreeSet<>();
        deployments.forEach(d -> clusters.addAll(DefaultObserver.clustersOf(d)));
        Map<String, ClusterObservation> observations = watcher.observe(clusters, now);
        Map<String, ObservedState> observed = observer.observe(observations, deployments);
        int sideEffects = 0;
        int errors = 0;
        for (Deployment deployment : deployments) {
            try {
                List<Action> actions =
                        reconciler.reconcile(deployment, observed.get(deployment.name()), now);
                sideEffects += executor.execute(deployment, actions, now);
            } catch (StaleWriteException e) {
                // The spec changed under us or another supervisor leads: decide again next tick.
                errors++;
            } catch (RuntimeException e) {
                // One deployment's trouble must not stop the others from being reconciled.
                errors++;
                store.appendEvent(
                        new Event(deployment.name(), now, "Error", e.toString(), fencingToken));
            }
        }
        int unreachable = (int) observations.values().stream().filter(o -> !o.reachable()).count();
        return new TickReport(
                deployments.size(), observations.size(), unreachable, sideEffects, errors);
    }
}
