package io.flotilla.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.local.demo.Demo;
import io.flotilla.local.process.Distribution;
import io.flotilla.local.process.FlinkCluster;
import io.flotilla.sidecar.client.SidecarClient;
import io.flotilla.sidecar.flink.FlinkRest;
import io.flotilla.supervisor.api.DeploymentRequest;
import io.flotilla.supervisor.api.DeploymentView;
import io.flotilla.supervisor.api.Phase;
import io.flotilla.supervisor.api.SupervisorClient;
import io.flotilla.supervisor.api.UpgradeMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clusters of two Flink releases side by side on the real platform: each runs the release it was
 * given, its sidecar reports it, and a stateful job moved through the supervisor from the base
 * release's cluster to the newest one's continues its counts from the savepoint taken on the old;
 * and a spec's Flink version range decides where a deployment without a named cluster lands.
 */
class FlinkVersionsITCase {

    private static final Duration WAIT = Duration.ofSeconds(240);
    static final String BASE = Distribution.baseFlinkVersion();
    static final String NEXT = System.getProperty("flotilla.flink-next.version", "2.3.0");

    static LocalPlatform platform;
    static LocalSupervisor supervisor;
    static SupervisorClient api;

    @BeforeAll
    static void start() {
        platform =
                TestingPlatforms.start(
                        TestingPlatforms.freshHome("flink-versions"),
                        2,
                        "--flink-versions",
                        BASE + "," + NEXT);
        supervisor = LocalSupervisor.start(platform);
        api = supervisor.client();
    }

    @AfterAll
    static void stop() {
        if (supervisor != null) {
            supervisor.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void eachClusterRunsItsReleaseAndItsSidecarReportsIt() {
        assertThat(NEXT).isNotEqualTo(BASE);
        for (var entry : Map.of("cluster-1", BASE, "cluster-2", NEXT).entrySet()) {
            FlinkCluster cluster = platform.cluster(entry.getKey());
            assertThat(cluster.flinkVersion()).isEqualTo(entry.getValue());
            try (FlinkRest rest = FlinkRest.connect(cluster.restUrl(), Duration.ofSeconds(10))) {
                assertThat(rest.overview().getVersion()).isEqualTo(entry.getValue());
            }
            SidecarClient sidecar =
                    new SidecarClient(
                            platform.sidecar(entry.getKey()).uri(), platform.sidecarToken());
            assertThat(sidecar.health().flink())
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("version", entry.getValue());
        }
    }

    @Test
    void aStatefulJobMovedToTheNewerReleaseContinuesItsCounts() throws Exception {
        Path plans = platform.home().resolve("plans");
        Artifacts.Published jar;
        try (var s3 = platform.s3().client()) {
            jar =
                    Artifacts.publish(
                            s3,
                            UpgradeJobJar.build(platform.home().resolve("jars")),
                            "tests/upgrade-job");
        }
        api.create(
                DeploymentRequest.create(
                                "counter",
                                "team-clicks",
                                "tests/upgrade-job",
                                "1",
                                jar.uri(),
                                jar.sha256(),
                                UpgradeJob.class.getName(),
                                List.of("v1", plans.toString()),
                                "cluster-1")
                        .withParallelism(1)
                        .withUpgradeMode(UpgradeMode.SAVEPOINT));
        DeploymentView onBase = until("RUNNING on cluster-1", d -> running(d, "cluster-1"));
        PrintedCounts onOld = new PrintedCounts(platform, "cluster-1", WAIT);
        onOld.awaitFirst("v1", 10);

        // The same job on the newer release: its plan aligned to the one the old cluster ran.
        api.update(
                "counter",
                DeploymentRequest.change(onBase.generation())
                        .withArgs(List.of("v1", plans.toString(), "v1"))
                        .withCluster("cluster-2"));
        DeploymentView moved = until("RUNNING on cluster-2", d -> running(d, "cluster-2"));
        Map<Integer, Long> lastOnOld = onOld.last("v1");
        String restoredFrom = api.runs("counter").current().restoredFrom();
        assertThat(restoredFrom)
                .as("restored from the savepoint taken on cluster-1")
                .startsWith(platform.cluster("cluster-1").stateUri());
        Map<Integer, Long> firstOnNew =
                new PrintedCounts(platform, "cluster-2", WAIT).awaitFirst("v1", 1);
        for (var user : lastOnOld.keySet()) {
            assertThat(firstOnNew.get(user))
                    .as(
                            "user %s's first count on Flink %s continues its last on %s, %s",
                            user, NEXT, BASE, lastOnOld.get(user))
                    .isGreaterThan(lastOnOld.get(user));
        }
        assertThat(moved.status().jobId()).isNotEqualTo(onBase.status().jobId());
    }

    @Test
    void aFlinkVersionRangePlacesAnyClusterDeploymentsOnTheClusterOfThatVersion() {
        Artifacts.Published orders = TestingPlatforms.publishExample(platform);
        String newer = ">=" + NEXT.substring(0, NEXT.lastIndexOf('.'));
        String base = BASE.substring(0, BASE.lastIndexOf('.')) + ".x";
        api.create(ordersJob("on-next", orders, "*").withFlinkVersion(newer));
        api.create(ordersJob("on-base", orders, "*").withFlinkVersion(base));
        api.create(ordersJob("named-base", orders, "cluster-1").withFlinkVersion(newer));

        DeploymentView onNext = until("on-next", "RUNNING", d -> d.phase() == Phase.RUNNING);
        DeploymentView onBase = until("on-base", "RUNNING", d -> d.phase() == Phase.RUNNING);
        assertThat(onNext.cluster()).as("range " + newer).isEqualTo("cluster-2");
        assertThat(onNext.spec().flinkVersion()).isEqualTo(newer);
        assertThat(onBase.cluster()).as("range " + base).isEqualTo("cluster-1");
        DeploymentView waiting =
                until(
                        "named-base",
                        "WAITING_FOR_SLOTS for its Flink version",
                        d ->
                                d.phase() == Phase.WAITING_FOR_SLOTS
                                        && d.status().waiting().contains("runs Flink"));
        assertThat(waiting.status().waiting())
                .isEqualTo(
                        "cluster cluster-1 runs Flink "
                                + BASE
                                + ", outside the spec's flinkVersion range "
                                + newer
                                + ": choose another cluster or widen the range");
        assertThat(waiting.status().jobId()).isNull();
    }

    private static DeploymentRequest ordersJob(
            String name, Artifacts.Published jar, String cluster) {
        return DeploymentRequest.create(
                        name,
                        "team-orders",
                        "examples/orders",
                        "1",
                        jar.uri(),
                        jar.sha256(),
                        Demo.ENTRY_CLASS,
                        List.of("--sink", "blackhole", "--rows-per-second", "5"),
                        cluster)
                .withParallelism(1)
                .withUpgradeMode(UpgradeMode.STATELESS);
    }

    private static boolean running(DeploymentView d, String cluster) {
        return d.phase() == Phase.RUNNING && cluster.equals(d.cluster());
    }

    private static DeploymentView until(String what, Predicate<DeploymentView> condition) {
        return until("counter", what, condition);
    }

    private static DeploymentView until(
            String name, String what, Predicate<DeploymentView> condition) {
        return TestingSupervisors.awaitDeployment(api, name, what, WAIT, condition);
    }
}
