package io.flotilla.supervisor.port;

import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.Event;
import java.util.List;

/** Where deployments and their audit log live (PostgreSQL in production). */
public interface DeploymentStore {

    List<Deployment> loadAll();

    /**
     * Writes the supervisor's part of a deployment: its status and last reconciled spec, never the
     * desired spec (that is the API's).
     *
     * @throws StaleWriteException when the stored spec's generation is no longer {@code
     *     deployment.spec().generation()}, or when a higher fencing token has written
     */
    void save(Deployment deployment, long fencingToken);

    /** Appends to the audit log; never changes or removes an event. */
    void appendEvent(Event event);
}
