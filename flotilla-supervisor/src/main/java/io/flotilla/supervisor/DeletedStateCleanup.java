package io.flotilla.supervisor;

import io.flotilla.supervisor.model.Cluster;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.port.Clock;
import io.flotilla.supervisor.port.ControlStore;
import io.flotilla.supervisor.port.StatePurger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deletes the state of deleted deployments once their grace period is over: every checkpoint and
 * savepoint of every JobID the deployment could have had (in the job's folders and in Flink's
 * default savepoint folder, named by a JobID prefix), on every healthy cluster, while pinning what
 * every live deployment may restore from. A cluster that fails leaves the deployment for a later
 * run; only a complete cleaning is recorded as done. Each run cleans at most {@code perRun}
 * deployments, those tried least recently first, so one that stays blocked never holds up the
 * others; what blocks one is recorded as an event (once per cause) and shown by {@link #status}.
 */
public final class DeletedStateCleanup {

    /** A deleted deployment whose state could not be cleaned, and why. */
    public record Blocked(String deployment, String reason, Instant since) {}

    /** What is left: deployments due, and those the last try could not clean. */
    public record Status(int due, List<Blocked> blocked) {}

    private final ControlStore store;
    private final StatePurger purger;
    private final Clock clock;
    private final Duration grace;
    private final int perRun;
    private final Map<String, Instant> lastTried = new HashMap<>();
    private final Map<String, Blocked> blocked = new LinkedHashMap<>();
    private int due;

    /**
     * @param perRun the most deployments one run cleans
     */
    public DeletedStateCleanup(
            ControlStore store, StatePurger purger, Clock clock, Duration grace, int perRun) {
        if (perRun < 1) {
            throw new IllegalArgumentException("perRun must be at least 1, got " + perRun);
        }
        this.store = store;
        this.purger = purger;
        this.clock = clock;
        this.grace = grace;
        this.perRun = perRun;
    }

    /** Cleans what is due; returns the names of the deployments whose state is now gone. */
    public synchronized List<String> run(long fencingToken) {
        Instant now = clock.now();
        List<String> cleaned = new ArrayList<>();
        List<ControlStore.Deleted> all = store.deleted();
        Set<String> names = new LinkedHashSet<>();
        all.forEach(d -> names.add(d.deployment().name()));
        lastTried.keySet().retainAll(names);
        blocked.keySet().retainAll(names);
        List<ControlStore.Deleted> dueNow =
                all.stream()
                        .filter(d -> !d.deletedAt().plus(grace).isAfter(now))
                        .sorted(
                                Comparator.comparing(
                                                (ControlStore.Deleted d) ->
                                                        lastTried.getOrDefault(
                                                                d.deployment().name(), Instant.MIN))
                                        .thenComparing(ControlStore.Deleted::deletedAt))
                        .toList();
        due = dueNow.size();
        if (dueNow.isEmpty()) {
            return cleaned;
        }
        List<String> pins = new ArrayList<>();
        store.deployments().forEach(d -> pins.addAll(StateControl.pinned(d)));
        List<String> clusters =
                store.clusters().stream().filter(c -> !c.lost()).map(Cluster::name).toList();
        for (ControlStore.Deleted deleted : dueNow.subList(0, Math.min(perRun, dueNow.size()))) {
            Deployment d = deleted.deployment();
            lastTried.put(d.name(), now);
            Set<String> jobIds = jobIds(d);
            String at = null;
            try {
                int removed = 0;
                for (String cluster : clusters) {
                    at = cluster;
                    removed += purger.purge(cluster, jobIds, pins, fencingToken);
                }
                at = null;
                store.markCleaned(
                        d.name(),
                        deleted.deletedAt(),
                        new Event(
                                d.name(),
                                now,
                                "StateCleaned",
                                removed
                                        + " checkpoints and savepoints of "
                                        + jobIds.size()
                                        + " possible jobs deleted on "
                                        + clusters
                                        + ", "
                                        + grace
                                        + " after the deployment was deleted",
                                fencingToken));
                blocked.remove(d.name());
                lastTried.remove(d.name());
                cleaned.add(d.name());
                due--;
            } catch (RuntimeException e) {
                // All of it is tried again at a later run; say once per cause what stops it.
                String reason =
                        (at == null ? "recording it" : "cluster " + at) + ": " + e.getMessage();
                Blocked before = blocked.get(d.name());
                blocked.put(
                        d.name(),
                        new Blocked(d.name(), reason, before == null ? now : before.since()));
                if (before == null || !before.reason().equals(reason)) {
                    report(d.name(), now, reason, fencingToken);
                }
            }
        }
        return cleaned;
    }

    /** The deployments due at the last run and what blocked those that could not be cleaned. */
    public synchronized Status status() {
        return new Status(due, List.copyOf(blocked.values()));
    }

    private void report(String name, Instant now, String reason, long fencingToken) {
        try {
            store.appendAudit(
                    new Event(
                            name,
                            now,
                            "StateCleanupBlocked",
                            "the state of the deleted deployment cannot be cleaned yet ("
                                    + reason
                                    + "); it is tried again at later ticks",
                            fencingToken));
        } catch (RuntimeException ignored) {
            // the store is down too: the status still shows it, the next run reports it
        }
    }

    /** Every JobID the deployment may have had: each generation with each attempt so far. */
    static Set<String> jobIds(Deployment d) {
        Set<String> ids = new LinkedHashSet<>();
        for (long g = 1; g <= d.spec().generation(); g++) {
            for (long a = 1; a <= d.status().attempts(); a++) {
                ids.add(JobIds.derive(d.name(), g, a));
            }
        }
        return ids;
    }
}
