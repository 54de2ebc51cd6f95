package io.flotilla.bench.sim;

import io.flotilla.sidecar.client.SidecarClient;
import io.flotilla.sidecar.jobs.JobApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The sidecar contract against the simulation. */
class SimulatedSidecarContractTest extends SidecarContract {

    static SimulatedSidecar sim;

    @BeforeAll
    static void start() throws Exception {
        sim = new SimulatedSidecar("cluster-1", "t".repeat(32));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Override
    SidecarClient sidecar() {
        return new SidecarClient(sim.uri(), "t".repeat(32));
    }

    @Override
    JobApi.ArtifactRef artifact() {
        return new JobApi.ArtifactRef(
                "s3://flotilla-artifacts/x/" + "a".repeat(64) + ".jar", "a".repeat(64));
    }
}
