package io.flotilla.supervisor.port;

import io.flotilla.supervisor.model.Backfill;
import io.flotilla.supervisor.model.Event;
import java.util.List;
import java.util.Optional;

/** Where backfills live (PostgreSQL in production): written by the API and the leader. */
public interface BackfillStore {

    /** Stores a new backfill with its audit event in one transaction; returns it with its id. */
    Backfill create(Backfill backfill, Event audit);

    /** The backfills of {@code deployment}, newest first. */
    List<Backfill> of(String deployment);

    Optional<Backfill> get(String deployment, long id);

    /** Every backfill still {@link Backfill.Status#RUNNING}, oldest first: the leader's work. */
    List<Backfill> running();

    /**
     * Records {@code who} asked to cancel backfill {@code id} with its audit event, in one
     * transaction, if it still runs (a second ask keeps the first asker); false if it has ended.
     */
    boolean requestCancel(long id, String who, Event audit);

    /**
     * Writes what the leader holding {@code fencingToken} learned of a backfill: its cluster,
     * submit, status and end; throws {@link StaleWriteException}, changing nothing, when a newer
     * leader (a higher token) has written it or the token is not the current lease's.
     */
    void update(Backfill backfill, long fencingToken);

    /** A store for a supervisor that keeps no backfills: asking for one is refused. */
    static BackfillStore unavailable() {
        return new BackfillStore() {
            @Override
            public Backfill create(Backfill backfill, Event audit) {
                throw new PortRejectedException("this supervisor stores no backfills");
            }

            @Override
            public List<Backfill> of(String deployment) {
                return List.of();
            }

            @Override
            public Optional<Backfill> get(String deployment, long id) {
                return Optional.empty();
            }

            @Override
            public List<Backfill> running() {
                return List.of();
            }

            @Override
            public boolean requestCancel(long id, String who, Event audit) {
                throw new PortRejectedException("this supervisor stores no backfills");
            }

            @Override
            public void update(Backfill backfill, long fencingToken) {
                throw new PortRejectedException("this supervisor stores no backfills");
            }
        };
    }
}
