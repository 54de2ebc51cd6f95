package io.flotilla.supervisor;

import io.flotilla.supervisor.model.Backfill;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.port.BackfillStore;
import io.flotilla.supervisor.port.StaleWriteException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Backfills in memory, with their audit events in a deployment store, for unit tests; {@code
 * failWrites} makes every write throw as a lost database would.
 */
final class TestingBackfills implements BackfillStore {

    final Map<Long, Backfill> rows = new TreeMap<>();
    private final Map<Long, Long> tokens = new TreeMap<>();
    private final TestingDeploymentStore events;
    private long next = 1;
    volatile boolean failWrites;

    /** How often {@link #running} was asked. */
    int runningReads;

    TestingBackfills(TestingDeploymentStore events) {
        this.events = events;
    }

    @Override
    public synchronized Backfill create(Backfill backfill, Event audit) {
        writable();
        Backfill stored = backfill.withId(next++);
        rows.put(stored.id(), stored);
        events.appendEvent(audit);
        return stored;
    }

    @Override
    public synchronized List<Backfill> of(String deployment) {
        List<Backfill> out = new ArrayList<>();
        rows.values().stream().filter(b -> b.deployment().equals(deployment)).forEach(out::add);
        out.sort(Comparator.comparingLong(Backfill::id).reversed());
        return out;
    }

    @Override
    public synchronized Optional<Backfill> get(String deployment, long id) {
        return Optional.ofNullable(rows.get(id)).filter(b -> b.deployment().equals(deployment));
    }

    @Override
    public synchronized List<Backfill> running() {
        runningReads++;
        return rows.values().stream().filter(b -> b.status() == Backfill.Status.RUNNING).toList();
    }

    @Override
    public synchronized boolean requestCancel(long id, String who, Event audit) {
        writable();
        Backfill b = rows.get(id);
        if (b == null || !b.running()) {
            return false;
        }
        rows.put(id, b.cancelRequestedBy() == null ? b.cancelRequested(who) : b);
        events.appendEvent(audit);
        return true;
    }

    @Override
    public synchronized void update(Backfill backfill, long fencingToken) {
        writable();
        Long last = tokens.get(backfill.id());
        if (!rows.containsKey(backfill.id()) || (last != null && last > fencingToken)) {
            throw new StaleWriteException(
                    "backfill " + backfill.id() + " is gone or a newer leader has written it");
        }
        tokens.put(backfill.id(), fencingToken);
        // As the JDBC store: the leader's write never clears a cancel asked for meanwhile.
        Backfill stored = rows.get(backfill.id());
        String cancel = stored == null ? null : stored.cancelRequestedBy();
        rows.put(
                backfill.id(),
                cancel == null || backfill.cancelRequestedBy() != null
                        ? backfill
                        : backfill.cancelRequested(cancel));
    }

    synchronized Backfill only() {
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one backfill, have " + rows.values());
        }
        return rows.values().iterator().next();
    }

    private void writable() {
        if (failWrites) {
            throw new IllegalStateException("testing backfills: writes fail");
        }
    }
}
