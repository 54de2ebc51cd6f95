package io.flotilla.supervisor;

import io.flotilla.supervisor.model.DeploymentSpec;
import io.flotilla.supervisor.model.DesiredState;
import io.flotilla.supervisor.model.UpgradeMode;
import java.util.List;

/** Deployment specs for tests. */
final class Specs {

    private Specs() {}

    static DeploymentSpec spec(String name, String cluster) {
        return new DeploymentSpec(
                name,
                "team-a",
                "orders",
                "1",
                artifact(name, "1"),
                sha("1"),
                "io.flotilla.examples.orders.OrdersJob",
                List.of("--rate", "10"),
                1,
                DesiredState.RUNNING,
                UpgradeMode.SAVEPOINT,
                cluster,
                null,
                1,
                null,
                0);
    }

    static DeploymentSpec version(DeploymentSpec spec, String version) {
        return spec.withVersion(version, artifact(spec.name(), version), sha(version));
    }

    static String artifact(String name, String version) {
        return "s3://flotilla-artifacts/" + name + "/" + sha(version) + ".jar";
    }

    static String sha(String version) {
        return String.format("%064x", version.hashCode() & 0xffffffffL);
    }
}
