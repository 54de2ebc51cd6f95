package io.flotilla.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.local.demo.Demo;
import io.flotilla.supervisor.api.DeploymentRequest;
import io.flotilla.supervisor.api.DeploymentView;
import io.flotilla.supervisor.api.Phase;
import io.flotilla.supervisor.api.RetentionRequest;
import io.flotilla.supervisor.api.SupervisorClient;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Slot-aware placement on a real one-cluster platform of two slots: a deployment that does not fit
 * waits in WAITING_FOR_SLOTS with the reason, and starts once the job holding the slots stops.
 */
class PlacementITCase {

    static LocalPlatform platform;
    static LocalSupervisor supervisor;
    static SupervisorClient api;
    static Artifacts.Published artifact;

    @BeforeAll
    static void start() {
        platform =
                TestingPlatforms.start(TestingPlatforms.freshHome("placement"), 1, "--slots", "2");
        supervisor = LocalSupervisor.start(platform, List.of());
        api = supervisor.client();
        artifact = TestingPlatforms.publishExample(platform);
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

    static DeploymentRequest spec(String name, String cluster, int parallelism) {
        return DeploymentRequest.create(
                        name,
                        "team-orders",
                        "examples/orders",
                        "1",
                        artifact.uri(),
                        artifact.sha256(),
                        Demo.ENTRY_CLASS,
                        TestingSupervisors.QUIET_ORDERS,
                        cluster)
                .withParallelism(parallelism)
                .withRetention(new RetentionRequest(4, "3d"));
    }

    @Test
    void aDeploymentThatDoesNotFitWaitsWithTheReasonAndStartsWhenRoomAppears() {
        api.create(spec("orders-wide", "cluster-1", 2));
        until("orders-wide", "RUNNING", d -> d.phase() == Phase.RUNNING);

        // No cluster named: any healthy cluster with room, and the only one is full.
        api.create(spec("orders-late", null, 1));
        DeploymentView waiting =
                until(
                        "orders-late",
                        "WAITING_FOR_SLOTS",
                        d -> d.phase() == Phase.WAITING_FOR_SLOTS);
        assertThat(waiting.status().waiting())
                .isEqualTo(
                        "needs 1 slots: no cluster is healthy with room (cluster-1: 0 of 2 free)");
        assertThat(waiting.status().jobId()).isNull();
        assertThat(waiting.spec().cluster()).isEqualTo("*");
        assertThat(api.events("orders-late", 0, 100).events())
                .anySatisfy(e -> assertThat(e.type()).isEqualTo("WaitForSlots"));

        api.stop("orders-wide", null);
        DeploymentView started =
                until(
                        "orders-late",
                        "RUNNING once orders-wide stopped",
                        d -> d.phase() == Phase.RUNNING);
        assertThat(started.cluster()).isEqualTo("cluster-1");
        assertThat(started.status().waiting()).isNull();
        // Its STOPPED is recorded when the stop is polled, which may come after the slot freed.
        until("orders-wide", "STOPPED", d -> d.phase() == Phase.STOPPED);
    }

    private static DeploymentView until(
            String name, String what, Predicate<DeploymentView> condition) {
        return TestingSupervisors.awaitDeployment(
                api, name, what, Duration.ofSeconds(240), condition);
    }
}
