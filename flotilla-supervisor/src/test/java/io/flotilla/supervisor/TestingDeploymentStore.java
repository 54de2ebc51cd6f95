package io.flotilla.supervisor;

import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.DeploymentSpec;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.port.DeploymentStore;
import io.flotilla.supervisor.port.StaleWriteException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The store in memory, with the production rules: the supervisor's writes never touch the desired
 * spec, are refused once the spec's generation moved on or a higher fencing token wrote, and the
 * event log only grows. It can crash the writer at a chosen save. Its times change only on the
 * API's writes (through {@link TestingControlStore}, at their audit event's time). Synchronized:
 * the supervisor's action threads write at once.
 */
final class TestingDeploymentStore implements DeploymentStore {

    final Map<String, Deployment> rows = new LinkedHashMap<>();
    final List<Event> events = new ArrayList<>();
    private long highestToken = Long.MIN_VALUE;
    private int crashAtSave = -1;
    private java.util.function.LongSupplier leaseToken;
    int saves;

    /** Creates a deployment, as the API would. */
    synchronized void create(DeploymentSpec spec) {
        rows.put(spec.name(), Deployment.of(spec));
    }

    /** Changes a deployment's desired spec, as the API would: the generation grows by one. */
    synchronized DeploymentSpec updateSpec(String name, UnaryOperator<DeploymentSpec> change) {
        Deployment current = get(name);
        DeploymentSpec spec =
                change.apply(current.spec()).withGeneration(current.spec().generation() + 1);
        rows.put(name, current.withSpec(spec));
        return spec;
    }

    synchronized Deployment get(String name) {
        Deployment d = rows.get(name);
        if (d == null) {
            throw new IllegalArgumentException("no deployment " + name);
        }
        return d;
    }

    /**
     * Refuses every save whose token is not the lease's current one, as the PostgreSQL store fenced
     * by the lease does: then a replaced leader cannot write, even a row the new leader has not
     * touched yet.
     */
    void fenceWith(TestingLeaderLease lease) {
        this.leaseToken = lease::currentToken;
    }

    /** The {@code n}-th save from now (1 for the next) throws before anything is written. */
    synchronized void crashAtSave(int n) {
        crashAtSave = saves + n;
    }

    void disarmCrash() {
        crashAtSave = -1;
    }

    synchronized List<Event> eventsOf(String name, String type) {
        return events.stream()
                .filter(e -> e.deployment().equals(name) && e.type().equals(type))
                .toList();
    }

    /** Writes that were batched (saveAll), for tests of the batching. */
    int batches;

    @Override
    public synchronized List<String> saveAll(List<Deployment> deployments, long fencingToken) {
        batches++;
        return DeploymentStore.super.saveAll(deployments, fencingToken);
    }

    @Override
    public synchronized List<Deployment> loadAll() {
        return List.copyOf(rows.values());
    }

    @Override
    public synchronized void save(Deployment deployment, long fencingToken) {
        if (++saves == crashAtSave) {
            crashAtSave = -1;
            throw new SimulatedCrash("before save " + saves + " of " + deployment.name());
        }
        if (leaseToken != null && fencingToken != leaseToken.getAsLong()) {
            throw new StaleWriteException(
                    "fencing token "
                            + fencingToken
                            + " is not the lease's "
                            + leaseToken.getAsLong());
        }
        if (fencingToken < highestToken) {
            throw new StaleWriteException(
                    "fencing token " + fencingToken + " is older than " + highestToken);
        }
        highestToken = fencingToken;
        Deployment stored = get(deployment.name());
        if (stored.spec().generation() != deployment.spec().generation()) {
            throw new StaleWriteException(
                    deployment.name() + " is at generation " + stored.spec().generation());
        }
        rows.put(
                deployment.name(),
                new Deployment(
                        stored.spec(),
                        deployment.lastReconciledSpec(),
                        deployment.status(),
                        stored.createdAt(),
                        stored.updatedAt()));
    }

    @Override
    public synchronized void appendEvent(Event event) {
        events.add(event);
    }
}
