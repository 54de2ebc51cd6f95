package io.flotilla.supervisor;

import io.flotilla.supervisor.model.DeploymentSpec;
import io.flotilla.supervisor.port.DeploymentStore;

/** The store contract against the in-memory fake. */
class TestingDeploymentStoreContractTest extends DeploymentStoreContract {

    private final TestingDeploymentStore store = new TestingDeploymentStore();

    @Override
    DeploymentStore store() {
        return store;
    }

    @Override
    void create(DeploymentSpec spec) {
        store.create(spec);
    }

    @Override
    void bumpGeneration(String name) {
        store.updateSpec(name, s -> s);
    }

    @Override
    Runnable beginSpecChange(String name) {
        return () -> store.updateSpec(name, s -> s);
    }

    @Override
    void delete(String name) {
        synchronized (store) {
            store.rows.remove(name);
        }
    }
}
