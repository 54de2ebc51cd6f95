package io.flotilla.supervisor.port;

import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.Event;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Where deployments and their audit log live (PostgreSQL in production). */
public interface DeploymentStore {

    /**
     * Every deployment as committed before the call: a store may keep what it read and read again
     * only what changed since, but never answers with a row older than a write (of any supervisor
     * or API node) that committed before the call began, nor with a deleted one.
     */
    List<Deployment> loadAll();

    /**
     * The deployments of the given names that exist, for a re-observe of a few deployments; stores
     * of many rows answer with one query.
     */
    default List<Deployment> load(Collection<String> names) {
        Set<String> wanted = Set.copyOf(names);
        return loadAll().stream().filter(d -> wanted.contains(d.name())).toList();
    }

    /**
     * Writes the supervisor's part of a deployment: its status and last reconciled spec, never the
     * desired spec (that is the API's).
     *
     * @throws StaleWriteException when the stored spec's generation is no longer {@code
     *     deployment.spec().generation()}, or when a higher fencing token has written
     */
    void save(Deployment deployment, long fencingToken);

    /**
     * {@link #save} of many deployments at once, as one tick's status changes; a stale row does not
     * stop the others.
     *
     * @return the names of the deployments whose save was refused as stale
     * @throws StaleWriteException when the token is refused as a whole (a newer leader)
     */
    default List<String> saveAll(List<Deployment> deployments, long fencingToken) {
        List<String> stale = new ArrayList<>();
        for (Deployment d : deployments) {
            try {
                save(d, fencingToken);
            } catch (StaleWriteException e) {
                stale.add(d.name());
            }
        }
        return stale;
    }

    /** Appends to the audit log; never changes or removes an event. */
    void appendEvent(Event event);

    /** {@link #appendEvent} of many events, in order. */
    default void appendEvents(List<Event> events) {
        events.forEach(this::appendEvent);
    }
}
