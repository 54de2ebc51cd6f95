package io.flotilla.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.flotilla.http.ApiCallException;
import io.flotilla.local.demo.Demo;
import io.flotilla.local.process.S3Store;
import io.flotilla.local.process.SidecarProcess;
import io.flotilla.sidecar.client.SidecarClient;
import io.flotilla.sidecar.flink.FlinkRest;
import io.flotilla.sidecar.state.StateApi;
import io.flotilla.supervisor.api.ClusterLost;
import io.flotilla.supervisor.api.DeploymentRequest;
import io.flotilla.supervisor.api.DeploymentView;
import io.flotilla.supervisor.api.EventView;
import io.flotilla.supervisor.api.Phase;
import io.flotilla.supervisor.api.SupervisorClient;
import io.flotilla.supervisor.api.UpgradeMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Jobs ended without Flotilla asking, on the real platform through the supervisor's API: a job
 * cancelled through Flink's REST API comes back from its retained checkpoint, and a cluster that is
 * declared lost and comes back with its old job still running ends with exactly one job per
 * deployment.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UnaskedEndingsITCase {

    static LocalPlatform platform;
    static LocalSupervisor supervisor;
    static SupervisorClient api;
    static Artifacts.Published artifact;
    static final List<AutoCloseable> extra = new ArrayList<>();

    @BeforeAll
    static void start() {
        platform =
                TestingPlatforms.start(
                        TestingPlatforms.freshHome("unasked-endings"), 2, "--slots", "4");
        supervisor = LocalSupervisor.start(platform, List.of("--lost-after", "5s"));
        api = supervisor.client();
        artifact = TestingPlatforms.publishExample(platform);
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : extra) {
            c.close();
        }
        if (supervisor != null) {
            supervisor.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    static DeploymentRequest spec(String name, String cluster) {
        return DeploymentRequest.create(
                name,
                "team-orders",
                "examples/orders",
                "1",
                artifact.uri(),
                artifact.sha256(),
                Demo.ENTRY_CLASS,
                List.of("--checkpoint-interval", "1", "--sink", "blackhole"),
                cluster);
    }

    @Test
    @Order(1)
    void aJobCancelledThroughFlinkComesBackFromItsRetainedCheckpoint() {
        api.create(spec("survivor", "cluster-1"));
        DeploymentView running =
                until(
                        "survivor",
                        "RUNNING with a checkpoint",
                        d -> d.phase() == Phase.RUNNING && d.status().lastCheckpoint() != null);
        String oldJob = running.status().jobId();

        try (FlinkRest flink =
                FlinkRest.connect(
                        platform.cluster("cluster-1").restUrl(), Duration.ofSeconds(10))) {
            flink.cancel(JobID.fromHexString(oldJob));
        }

        DeploymentView back =
                until(
                        "survivor",
                        "RUNNING again as a new job",
                        d -> d.phase() == Phase.RUNNING && !oldJob.equals(d.status().jobId()));
        String restoredFrom = api.runs("survivor").current().restoredFrom();
        // Its state: the checkpoint Flink kept although the job was cancelled.
        assertThat(restoredFrom)
                .startsWith(
                        platform.cluster("cluster-1").stateUri()
                                + "/checkpoints/"
                                + oldJob
                                + "/chk-");
        // Its retries went back to 0 once the new job checkpointed: progress proves it healthy.
        assertThat(back.status().phase()).isEqualTo(Phase.RUNNING);
        StateApi.Listing state = sidecarClient("cluster-1").state();
        assertThat(state.entries())
                .anySatisfy(
                        e -> {
                            assertThat(e.path()).isEqualTo(restoredFrom);
                            assertThat(e.complete()).isTrue();
                        });
    }

    @Test
    @Order(2)
    void aLostClusterBackWithItsOldJobRunningEndsWithExactlyOneJobPerDeployment() throws Exception {
        api.create(spec("mover", "cluster-2"));
        DeploymentView running =
                until(
                        "mover",
                        "RUNNING with a checkpoint",
                        d -> d.phase() == Phase.RUNNING && d.status().lastCheckpoint() != null);
        String oldJob = running.status().jobId();

        // Declaring a cluster that answers lost is refused, and moves nothing.
        ApiCallException refused =
                catchThrowableOfType(ApiCallException.class, () -> api.declareLost("cluster-2"));
        assertThat(refused).as("declaring an answering cluster lost").isNotNull();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("cluster_not_lost");
        assertThat(refused.getMessage()).contains("answers");

        // The sidecar goes away; Flink and the job run on, out of the supervisor's sight.
        SidecarProcess sidecar = platform.sidecar("cluster-2");
        int port = sidecar.uri().getPort();
        sidecar.close();
        until("mover", "UNKNOWN", d -> d.phase() == Phase.UNKNOWN);
        ClusterLost lost = awaitValue(() -> api.declareLost("cluster-2"), r -> true);
        assertThat(lost.moved().get(0).to()).isEqualTo("cluster-1");
        // The twin on cluster-2 keeps checkpointing and, keeping 3, deletes the checkpoint the
        // move restores from: then the new job cannot start, and after the crash-loop limit the
        // deployment needs attention; the operator starts it stateless.
        DeploymentView settled =
                until(
                        "mover",
                        "RUNNING on cluster-1 or NEEDS_ATTENTION",
                        d ->
                                d.phase() == Phase.NEEDS_ATTENTION
                                        || d.phase() == Phase.RUNNING
                                                && "cluster-1".equals(d.cluster()));
        if (settled.phase() == Phase.NEEDS_ATTENTION) {
            assertThat(settled.status().attention().options().toString()).contains("STATELESS");
            api.update(
                    "mover",
                    DeploymentRequest.change(settled.generation())
                            .withUpgradeMode(UpgradeMode.STATELESS));
        }
        DeploymentView moved =
                until(
                        "mover",
                        "RUNNING on cluster-1",
                        d -> d.phase() == Phase.RUNNING && "cluster-1".equals(d.cluster()));
        String newJob = moved.status().jobId();
        assertThat(flinkStatus("cluster-2", oldJob))
                .isEqualTo(JobStatus.RUNNING); // a twin, for now

        // The sidecar comes back on its port: the job left behind is cancelled there.
        extra.add(
                platform.extraSidecar(
                        "cluster-2",
                        null,
                        List.of(
                                "--port",
                                String.valueOf(port),
                                "--work-dir",
                                platform.home().resolve("sidecars/cluster-2-again").toString())));
        awaitValue(() -> api.cluster("cluster-2"), c -> !c.lost());
        assertThat(flinkStatus("cluster-2", oldJob)).isEqualTo(JobStatus.CANCELED);
        assertThat(aliveJobs("cluster-2")).isEmpty();
        assertThat(aliveJobs("cluster-1")).contains(newJob).hasSize(2); // mover and survivor
        List<String> types =
                api.events("mover", 0, 1000).events().stream().map(EventView::type).toList();
        assertThat(types).contains("MovedFromLostCluster", "AbandonedJobCancelled");
    }

    private static SidecarClient sidecarClient(String cluster) {
        return new SidecarClient(platform.sidecar(cluster).uri(), platform.sidecarToken());
    }

    private static JobStatus flinkStatus(String cluster, String jobId) {
        try (FlinkRest flink =
                FlinkRest.connect(platform.cluster(cluster).restUrl(), Duration.ofSeconds(10))) {
            return flink.job(JobID.fromHexString(jobId)).getJobStatus();
        }
    }

    private static Set<String> aliveJobs(String cluster) {
        Set<String> alive = new TreeSet<>();
        try (FlinkRest flink =
                FlinkRest.connect(platform.cluster(cluster).restUrl(), Duration.ofSeconds(10))) {
            flink.jobs().stream()
                    .filter(j -> !j.getStatus().isGloballyTerminalState())
                    .forEach(j -> alive.add(j.getJobId().toHexString()));
        }
        return alive;
    }

    /** The first value {@code call} returns that is {@code done}; refusals are waited out. */
    private static <T> T awaitValue(Supplier<T> call, Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        Object last = null;
        while (System.nanoTime() < deadline) {
            try {
                T value = call.get();
                if (done.test(value)) {
                    return value;
                }
                last = value;
            } catch (ApiCallException e) {
                last = e;
            }
            S3Store.sleep(1000);
        }
        throw new AssertionError("gave up waiting: last answer " + last);
    }

    private static DeploymentView until(
            String name, String what, Predicate<DeploymentView> condition) {
        return TestingSupervisors.awaitDeployment(
                api, name, what, Duration.ofSeconds(240), condition);
    }
}
