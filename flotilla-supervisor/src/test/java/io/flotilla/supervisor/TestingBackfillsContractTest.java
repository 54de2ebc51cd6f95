package io.flotilla.supervisor;

import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.port.BackfillStore;
import java.util.List;

/** The backfill store contract against the in-memory fake. */
class TestingBackfillsContractTest extends BackfillStoreContract {

    private final TestingDeploymentStore rows = new TestingDeploymentStore();
    private final TestingBackfills store = new TestingBackfills(rows);

    @Override
    BackfillStore store() {
        return store;
    }

    @Override
    List<Event> events(String deployment) {
        return rows.events.stream().filter(e -> e.deployment().equals(deployment)).toList();
    }
}
