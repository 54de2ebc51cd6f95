package io.flotilla.supervisor;

import io.flotilla.supervisor.port.ControlStore;

/** The API store contract against the in-memory fake. */
class TestingControlStoreContractTest extends ControlStoreContract {

    private final TestingControlStore store = new TestingControlStore(new TestingDeploymentStore());

    @Override
    ControlStore store() {
        return store;
    }
}
