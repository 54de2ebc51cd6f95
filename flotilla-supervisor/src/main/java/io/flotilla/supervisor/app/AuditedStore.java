package io.flotilla.supervisor.app;

import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.port.DeploymentStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store as the running supervisor uses it: every event the loop records is also one log line
 * and one count of its kind, so logs and metrics show each action without a second code path.
 */
final class AuditedStore implements DeploymentStore {

    private static final Logger LOG = LoggerFactory.getLogger("io.flotilla.supervisor.actions");

    private final DeploymentStore store;
    private final MeterRegistry metrics;

    AuditedStore(DeploymentStore store, MeterRegistry metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    @Override
    public List<Deployment> loadAll() {
        return store.loadAll();
    }

    @Override
    public List<Deployment> load(java.util.Collection<String> names) {
        return store.load(names);
    }

    @Override
    public void save(Deployment deployment, long fencingToken) {
        store.save(deployment, fencingToken);
    }

    @Override
    public List<String> saveAll(List<Deployment> deployments, long fencingToken) {
        return store.saveAll(deployments, fencingToken);
    }

    @Override
    public void appendEvent(Event event) {
        store.appendEvent(event);
        logged(event);
    }

    @Override
    public void appendEvents(List<Event> events) {
        store.appendEvents(events);
        events.forEach(this::logged);
    }

    private void logged(Event event) {
        LOG.info(
                "{} {}: {} (token {})",
                event.deployment(),
                event.type(),
                event.message(),
                event.fencingToken());
        Counter.builder("flotilla.supervisor.actions")
                .description("Actions and observations the supervisor recorded, by kind")
                .tag("kind", event.type())
                .register(metrics)
                .increment();
    }
}
