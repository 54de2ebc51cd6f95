package io.flotilla.local;

import static io.flotilla.local.TestingSupervisors.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.sidecar.client.SidecarClient;
import io.flotilla.supervisor.Supervisor;
import io.flotilla.supervisor.jdbc.JdbcDeploymentStore;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.DeploymentSpec;
import io.flotilla.supervisor.model.DesiredState;
import io.flotilla.supervisor.model.Phase;
import io.flotilla.supervisor.model.UpgradeMode;
import io.flotilla.supervisor.port.Clock;
import io.flotilla.supervisor.port.ClusterPorts;
import io.flotilla.supervisor.sidecar.SidecarClusterPorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed's DataStream step on a real cluster through the supervisor: {@code
 * OrdersWithTransactionsJob} (toDataStream of POJOs, keyed connect, a KeyedCoProcessFunction that
 * counts each order's transactions in state, fromDataStream with a schema) from the runner jar,
 * released to a second version from a savepoint; each order's count goes on from where the first
 * version left it.
 */
class DataStreamJobITCase {

    private static final String NAME = "orders-with-transactions";
    private static final Duration WAIT = Duration.ofSeconds(300);

    static LocalPlatform platform;
    static JdbcDeploymentStore store;
    static Supervisor supervisor;
    static Map<String, SidecarClient> sidecars;
    static Artifacts.Published runner;
    static PrintedCounts counts;

    @BeforeAll
    static void start() {
        platform = TestingPlatforms.start(TestingPlatforms.freshHome("datastream-job"), 1);
        store = new JdbcDeploymentStore(TestingSupervisors.database(platform), false);
        sidecars = TestingSupervisors.sidecars(platform);
        supervisor =
                Supervisor.create(
                        store,
                        ClusterPorts.of(new SidecarClusterPorts(sidecars)),
                        Clock.system(),
                        TestingSupervisors.FAST,
                        1);
        try (var s3 = platform.s3().client()) {
            runner = Artifacts.publish(s3, TestingPlatforms.runnerJar(), "runner");
        }
        counts = new PrintedCounts(platform, WAIT);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void theProcessFunctionsCountsSurviveASavepointRelease() throws Exception {
        store.putSpec(spec("1", 1));
        tick("version 1 RUNNING", () -> deployment(store, NAME).status().phase() == Phase.RUNNING);
        counts.awaitFirst("v1", 5);

        Deployment before = deployment(store, NAME);
        String oldJob = before.status().jobId();
        store.putSpec(spec("2", before.spec().generation() + 1));
        tick(
                "version 2 RUNNING from version 1's savepoint",
                () -> {
                    Deployment d = deployment(store, NAME);
                    return d.status().phase() == Phase.RUNNING
                            && !oldJob.equals(d.status().jobId())
                            && TestingSupervisors.job(store, sidecars, NAME)
                                    .map(j -> j.restoredFrom() != null)
                                    .orElse(false);
                });
        assertThat(TestingSupervisors.job(store, sidecars, NAME).orElseThrow().restoredFrom())
                .startsWith("s3://flotilla-state/cluster-1/savepoints/" + oldJob + "/savepoint-");
        assertThat(deployment(store, NAME).lastReconciledSpec().version()).isEqualTo("2");

        // Version 1 stopped with its savepoint before version 2 started: its counts are final.
        Map<Integer, Long> lastOfV1 = counts.last("v1");
        Map<Integer, Long> firstOfV2 = counts.awaitFirst("v2", 1);
        for (var order : lastOfV1.keySet()) {
            assertThat(firstOfV2.get(order))
                    .as(
                            "order %s: version 2's first transaction count follows version 1's"
                                    + " last, %s",
                            order, lastOfV1.get(order))
                    .isEqualTo(lastOfV1.get(order) + 1);
        }

        DeploymentSpec running = deployment(store, NAME).spec();
        store.putSpec(
                running.withDesiredState(DesiredState.STOPPED)
                        .withGeneration(running.generation() + 1));
        tick("STOPPED", () -> deployment(store, NAME).status().phase() == Phase.STOPPED);
    }

    /**
     * Version {@code version} of the deployment: the runner jar with the example job and this
     * version's tables (generated orders 1-3 and their transactions, a print sink named v1 or v2).
     */
    private static DeploymentSpec spec(String version, long generation) throws IOException {
        Path tables = writeTables("v" + version);
        return new DeploymentSpec(
                NAME,
                "team-orders",
                "examples/orders",
                version,
                runner.uri(),
                runner.sha256(),
                "io.flotilla.runner.Runner",
                List.of(
                        "--job",
                        "io.flotilla.examples.orders.dsl.OrdersWithTransactionsJob",
                        "--tables",
                        tables.toString()),
                1,
                DesiredState.RUNNING,
                UpgradeMode.SAVEPOINT,
                "cluster-1",
                null,
                generation,
                null,
                0);
    }

    private static Path writeTables(String version) throws IOException {
        Path dir = Files.createDirectories(platform.home().resolve("tables/" + version));
        Files.writeString(
                dir.resolve("tables.yaml"),
                """
                name: orders
                connector: datagen
                owner: orders-service
                options:
                  rows-per-second: "3"
                  fields.id.min: "1"
                  fields.id.max: "3"
                  fields.cost.min: "1"
                  fields.cost.max: "100"
                columns:
                  - {name: id, type: BIGINT}
                  - {name: name, expr: "CONCAT('CUSTOMER-', CAST(id AS STRING))"}
                  - {name: cost, type: DOUBLE}
                ---
                name: transactions
                connector: datagen
                owner: payments-service
                options:
                  rows-per-second: "5"
                  fields.orderId.min: "1"
                  fields.orderId.max: "3"
                  fields.amount.min: "1"
                  fields.amount.max: "100"
                columns:
                  - {name: orderId, type: BIGINT}
                  - {name: amount, type: DOUBLE}
                  - {name: status, expr: "CASE WHEN amount > 50 THEN 'settled' ELSE 'pending' END"}
                ---
                name: order_transactions
                connector: print
                owner: analytics
                options:
                  print-identifier: %s
                columns:
                  - {name: id, type: BIGINT}
                  - {name: transactions, type: BIGINT}
                  - {name: name, type: STRING}
                  - {name: cost, type: DOUBLE}
                  - {name: transactionStatus, type: STRING}
                """
                        .formatted(version));
        return dir;
    }

    private static void tick(String what, java.util.function.BooleanSupplier done) {
        TestingSupervisors.until(supervisor::tick, what, done, store);
    }
}
