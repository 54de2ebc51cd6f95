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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Deletes the state of deleted deployments once their grace period is over: every checkpoint and
 * savepoint of every JobID the deployment could have had, on every healthy cluster, while pinning
 * what every live deployment may restore from. A cluster that fails leaves the deployment for the
 * next run; only a complete cleaning is recorded as done.
 */
public final class DeletedStateCleanup {

    private final ControlStore store;
    private final StatePurger purger;
    private final Clock clock;
    private final Duration grace;

    public DeletedStateCleanup(
            ControlStore store, StatePurger purger, Clock clock, Duration grace) {
        this.store = store;
        this.purger = purger;
        this.clock = clock;
        this.grace = grace;
    }

    /** Cleans what is due; returns the names of the deployments whose state is now gone. */
    public List<String> run(long fencingToken) {
        Instant now = clock.now();
        List<String> cleaned = new ArrayList<>();
        List<ControlStore.Deleted> due =
                store.deleted().stream()
                        .filter(d -> !d.deletedAt().plus(grace).isAfter(now))
                        .toList();
        if (due.isEmpty()) {
            return cleaned;
        }
        List<String> pins = new ArrayList<>();
        store.deployments().forEach(d -> pins.addAll(StateControl.pinned(d)));
        List<String> clusters =
                store.clusters().stream().filter(c -> !c.lost()).map(Cluster::name).toList();
        for (ControlStore.Deleted deleted : due) {
            Deployment d = deleted.deployment();
            Set<String> jobIds = jobIds(d);
            try {
                int removed = 0;
                for (String cluster : clusters) {
                    removed += purger.purge(cluster, jobIds, pins, fencingToken);
                }
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
                cleaned.add(d.name());
            } catch (RuntimeException e) {
                // A cluster did not answer or refused: all of it is tried again next run.
            }
        }
        return cleaned;
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
