package io.flotilla.supervisor;

import io.flotilla.supervisor.Action.SideEffect;
import io.flotilla.supervisor.model.ClusterObservation;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.model.ObservedState;
import io.flotilla.supervisor.port.Clock;
import io.flotilla.supervisor.port.ClusterPorts;
import io.flotilla.supervisor.port.DeploymentStore;
import io.flotilla.supervisor.port.StaleWriteException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The loop: each tick observes every cluster once, reconciles every deployment and carries out what
 * was decided, on several deployments at once within {@link ActionLimits}. Between ticks, a
 * deployment whose action's outcome is not visible yet is followed up: its cluster alone is listed
 * again and it alone reconciled, as soon as the outcome can be seen. It keeps nothing between ticks
 * that the store does not hold, except which clusters are backing off and which deployments to
 * follow up, so a new instance after a crash picks up exactly where the store is.
 */
public final class Supervisor {

    private final DeploymentStore store;
    private final Clock clock;
    private final Observer observer;
    private final Reconciler reconciler;
    private final ClusterWatcher watcher;
    private final ClusterPorts ports;
    private final SupervisorConfig config;
    private final ActionLimits limits;
    private final ActionRunner runner;
    private final long fencingToken;
    private final FollowUps followUps;

    /**
     * Every deployment as last loaded or left by an action: a follow-up round reconciles only a
     * few, but places their new jobs by the slots all of them hold.
     */
    private final Map<String, Deployment> known = new java.util.concurrent.ConcurrentHashMap<>();

    /** What one tick (or one follow-up) did, for metrics and tests. */
    public record TickReport(
            int deployments, int clusters, int unreachableClusters, int sideEffects, int errors) {}

    public Supervisor(
            DeploymentStore store,
            ClusterPorts ports,
            Clock clock,
            Observer observer,
            Reconciler reconciler,
            SupervisorConfig config,
            ActionLimits limits,
            long fencingToken) {
        this.store = store;
        this.clock = clock;
        this.observer = observer;
        this.reconciler = reconciler;
        this.ports = ports;
        this.config = config;
        this.limits = limits;
        this.fencingToken = fencingToken;
        this.watcher = new ClusterWatcher(ports.lister(), config.clusterBackoff(), fencingToken);
        this.runner = new ActionRunner(limits);
        this.followUps = new FollowUps(limits);
    }

    public Supervisor(
            DeploymentStore store,
            ClusterPorts ports,
            Clock clock,
            Observer observer,
            Reconciler reconciler,
            SupervisorConfig config,
            long fencingToken) {
        this(
                store,
                ports,
                clock,
                observer,
                reconciler,
                config,
                ActionLimits.defaults(),
                fencingToken);
    }

    /** A supervisor with the default observer and reconciler and the default limits. */
    public static Supervisor create(
            DeploymentStore store,
            ClusterPorts ports,
            Clock clock,
            SupervisorConfig config,
            long fencingToken) {
        return create(store, ports, clock, config, ActionLimits.defaults(), fencingToken);
    }

    /** A supervisor with the default observer and reconciler. */
    public static Supervisor create(
            DeploymentStore store,
            ClusterPorts ports,
            Clock clock,
            SupervisorConfig config,
            ActionLimits limits,
            long fencingToken) {
        return new Supervisor(
                store,
                ports,
                clock,
                new DefaultObserver(),
                new DefaultReconciler(config),
                config,
                limits,
                fencingToken);
    }

    /** Observes every cluster, reconciles every deployment. */
    public TickReport tick() {
        Instant now = clock.now();
        List<Deployment> all = store.loadAll();
        known.clear();
        all.forEach(d -> known.put(d.name(), d));
        return round(all, now);
    }

    /**
     * Reconciles the deployments whose follow-up is due, listing only their clusters; does nothing
     * when none is due.
     */
    public TickReport followUp() {
        Instant now = clock.now();
        Set<String> due = followUps.due(now);
        if (due.isEmpty()) {
            return new TickReport(0, 0, 0, 0, 0);
        }
        List<Deployment> deployments = store.load(due);
        Set<String> found = new HashSet<>();
        deployments.forEach(d -> found.add(d.name()));
        due.stream().filter(name -> !found.contains(name)).forEach(followUps::forget);
        return round(deployments, now);
    }

    /**
     * Asks for {@code deployment} to be reconciled at the next follow-up, as after a change of its
     * desired spec. Safe to call from any thread.
     */
    public void wake(String deployment) {
        followUps.wake(deployment);
    }

    /** When the next follow-up is due, or empty when no deployment is followed up. */
    public Optional<Instant> nextFollowUp() {
        return followUps.next(clock.now());
    }

    private TickReport round(List<Deployment> deployments, Instant now) {
        Set<String> stakes = new HashSet<>();
        deployments.forEach(d -> DefaultObserver.addClustersOf(d, stakes));
        Map<String, ClusterObservation> observations = watcher.observe(new TreeSet<>(stakes), now);
        deployments.forEach(d -> known.put(d.name(), d));
        // The others are observed too (their clusters unlisted) only so that the slots they hold
        // count when one of these deployments places a new job. A tick has them all already.
        List<Deployment> forSlots = deployments;
        if (known.size() != deployments.size()) {
            Map<String, Deployment> all = new LinkedHashMap<>(known);
            deployments.forEach(d -> all.put(d.name(), d));
            forSlots = List.copyOf(all.values());
        }
        Map<String, ObservedState> observed = observer.observe(observations, forSlots);
        Round round = new Round();
        Map<String, List<Runnable>> tasks = new LinkedHashMap<>();
        for (Deployment deployment : deployments) {
            List<Action> actions;
            try {
                actions = reconciler.reconcile(deployment, observed.get(deployment.name()), now);
            } catch (RuntimeException e) {
                round.failed(deployment, now, e);
                continue;
            }
            SideEffect effect =
                    (SideEffect)
                            actions.stream()
                                    .filter(SideEffect.class::isInstance)
                                    .findFirst()
                                    .orElse(null);
            if (actions.stream().allMatch(Action.Nothing.class::isInstance)) {
                round.unchanged(deployment);
            } else if (effect == null) {
                act(deployment, actions, now, round);
            } else {
                tasks.computeIfAbsent(effect.cluster(), c -> new ArrayList<>())
                        .add(() -> act(deployment, actions, now, round));
            }
        }
        runner.run(tasks);
        round.writeDeferred();
        round.scheduleFollowUps(now);
        int unreachable = (int) observations.values().stream().filter(o -> !o.reachable()).count();
        return new TickReport(
                deployments.size(),
                observations.size(),
                unreachable,
                round.sideEffects,
                round.errors);
    }

    private void act(Deployment deployment, List<Action> actions, Instant now, Round round) {
        try {
            ActionExecutor executor =
                    new ActionExecutor(store, ports, watcher, config, fencingToken);
            round.done(deployment, executor.execute(deployment, actions, now));
        } catch (StaleWriteException e) {
            // The spec changed under us or another supervisor leads: decide again next tick.
            round.stale(deployment);
        } catch (RuntimeException e) {
            // One deployment's trouble must not stop the others from being reconciled.
            round.failed(deployment, now, e);
        }
    }

    /** What one round's tasks did; written to from the action threads. */
    private final class Round {
        private final List<Deployment> deferred = new ArrayList<>();
        private final List<Event> deferredEvents = new ArrayList<>();
        private final List<Event> effectEvents = new ArrayList<>();
        private final Map<String, Deployment[]> results = new LinkedHashMap<>();
        int sideEffects;
        int errors;

        synchronized void done(Deployment before, ActionExecutor.Outcome outcome) {
            sideEffects += outcome.sideEffects();
            if (outcome.deferred() != null) {
                deferred.add(outcome.deferred());
            }
            (outcome.sideEffects() > 0 ? effectEvents : deferredEvents)
                    .addAll(outcome.deferredEvents());
            results.put(before.name(), new Deployment[] {before, outcome.result()});
            if (outcome.result() != null) {
                known.put(before.name(), outcome.result());
            }
        }

        /** A deployment left as it is, as most are in a steady tick: no executor needed. */
        synchronized void unchanged(Deployment d) {
            results.put(d.name(), new Deployment[] {d, d});
        }

        synchronized void stale(Deployment d) {
            errors++;
            followUps.forget(d.name());
        }

        void failed(Deployment d, Instant now, RuntimeException e) {
            synchronized (this) {
                errors++;
            }
            followUps.forget(d.name());
            store.appendEvent(new Event(d.name(), now, "Error", e.toString(), fencingToken));
        }

        /**
         * The round's status changes and side effects' results, in one batch. The events of side
         * effects are appended even when their record's save is refused: they happened.
         */
        void writeDeferred() {
            if (deferred.isEmpty() && deferredEvents.isEmpty() && effectEvents.isEmpty()) {
                return;
            }
            Set<String> refused = new HashSet<>();
            try {
                refused.addAll(store.saveAll(deferred, fencingToken));
            } catch (StaleWriteException e) {
                // Another supervisor leads: none of the records was written.
                deferred.forEach(d -> refused.add(d.name()));
            }
            errors += refused.size();
            for (String name : refused) {
                results.remove(name);
                followUps.forget(name);
            }
            List<Event> events = new ArrayList<>(effectEvents);
            deferredEvents.stream()
                    .filter(e -> !refused.contains(e.deployment()))
                    .forEach(events::add);
            store.appendEvents(events);
        }

        void scheduleFollowUps(Instant now) {
            results.forEach((name, r) -> followUps.after(r[0], r[1], now));
        }
    }
}
