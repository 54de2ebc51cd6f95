package io.flotilla.local;

import static io.flotilla.local.TestingSupervisors.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.local.process.S3Store;
import io.flotilla.local.process.SupervisorProcess;
import io.flotilla.sidecar.client.SidecarClient;
import io.flotilla.sidecar.flink.FlinkRest;
import io.flotilla.sidecar.jobs.JobApi;
import io.flotilla.supervisor.jdbc.JdbcDeploymentStore;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.Phase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real crashes under the supervisor (its own JVM): a TaskManager killed, then a whole cluster
 * killed and restarted, and the supervisor itself killed with SIGKILL while it resubmits.
 */
class SupervisorRecoveryITCase {

    static LocalPlatform platform;
    static JdbcDeploymentStore store;
    static LocalSupervisor supervisor;
    static Map<String, SidecarClient> sidecars;
    static Artifacts.Published artifact;

    @BeforeAll
    static void start() {
        platform = TestingPlatforms.start(TestingPlatforms.freshHome("supervisor-recovery"), 1);
        store = new JdbcDeploymentStore(TestingSupervisors.database(platform), false);
        sidecars = TestingSupervisors.sidecars(platform);
        supervisor = LocalSupervisor.start(platform);
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

    @Test
    void jobSurvivesAKilledTaskManagerAndComesBackFromItsCheckpointAfterTheClusterIsLost() {
        for (String name : List.of("counts-a", "counts-b")) {
            store.putSpec(TestingSupervisors.orders(name, "cluster-1", artifact));
        }
        tickUntil(
                "both running with checkpoints",
                () -> checkpoints("counts-a") > 1 && checkpoints("counts-b") > 1);
        String jobA = deployment(store, "counts-a").status().jobId();

        // A TaskManager dies: Flink restarts the same job on the new one, the supervisor leaves it
        // alone.
        long before = checkpoints("counts-a");
        platform.cluster("cluster-1").crashTaskManager(Duration.ofSeconds(60));
        tickUntil("counts-a checkpointing again", () -> checkpoints("counts-a") > before + 1);
        assertThat(deployment(store, "counts-a").status().jobId()).isEqualTo(jobA);

        // The whole cluster dies and comes back empty (no HA): each job returns from its
        // checkpoint.
        tickUntil(
                "the supervisor to record a checkpoint",
                () -> deployment(store, "counts-a").status().lastCheckpoint() != null);
        platform.cluster("cluster-1").crashAndRestart(Duration.ofSeconds(90));
        // The supervisor dies (SIGKILL) in the submit half of the resubmission: its intent is
        // saved, the job may or may not be on the cluster. Its successor finishes the job.
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (deployment(store, "counts-a").status().intent() == null
                || jobA.equals(deployment(store, "counts-a").status().intent().jobId())) {
            assertThat(System.nanoTime()).as("counts-a's resubmission intent").isLessThan(deadline);
            S3Store.sleep(50);
        }
        SupervisorProcess dying = supervisor.alive().get(0);
        dying.kill();
        assertThat(dying.alive()).isFalse();
        supervisor.startAnother();
        tickUntil(
                "both resubmitted and running",
                () -> {
                    Deployment a = deployment(store, "counts-a");
                    Deployment b = deployment(store, "counts-b");
                    return a.status().phase() == Phase.RUNNING
                            && !jobA.equals(a.status().jobId())
                            && b.status().phase() == Phase.RUNNING
                            && job("counts-a").map(j -> j.restoredFrom() != null).orElse(false)
                            && job("counts-b").map(j -> j.restoredFrom() != null).orElse(false);
                });
        JobApi.JobView restored = job("counts-a").orElseThrow();
        assertThat(restored.restoredFrom())
                .startsWith("s3://flotilla-state/cluster-1/checkpoints/" + jobA + "/chk-");
        assertThat(sidecars.get("cluster-1").jobs())
                .filteredOn(j -> j.status().equals("RUNNING"))
                .hasSize(2);
        try (FlinkRest flink =
                FlinkRest.connect(
                        platform.cluster("cluster-1").restUrl(), Duration.ofSeconds(10))) {
            assertThat(flink.jobs())
                    .as("Flink's own job list")
                    .filteredOn(j -> !j.getStatus().isGloballyTerminalState())
                    .hasSize(2);
        }
        // The audit log tells the story: the lost job, then its resubmission from the checkpoint.
        // The killed supervisor may have sent it and died before recording it: then its successor
        // found the job running by its JobID and adopted it instead of sending it again.
        List<String> submitted =
                store.events("counts-a").stream()
                        .filter(e -> e.type().equals("Submitted"))
                        .map(e -> e.message())
                        .toList();
        List<String> adopted =
                store.events("counts-a").stream()
                        .filter(e -> e.type().equals("Adopt"))
                        .map(e -> e.message())
                        .toList();
        assertThat(submitted).first().asString().contains(jobA);
        String last =
                submitted.size() >= 2
                        ? submitted.get(submitted.size() - 1)
                        : adopted.isEmpty() ? "" : adopted.get(adopted.size() - 1);
        assertThat(last)
                .as("the resubmission (Submitted %s, Adopt %s)", submitted, adopted)
                .contains(restored.jobId());
        if (submitted.size() >= 2) {
            assertThat(last).contains("from " + restored.restoredFrom());
        }
        // The lost job and its successor, however the kill fell: two JobIDs, none sent twice.
        assertThat(
                        submitted.stream()
                                .filter(m -> m.startsWith("submitted "))
                                .map(m -> m.split(" ")[1]))
                .as("JobIDs submitted")
                .doesNotHaveDuplicates();
        assertThat(
                        Stream.concat(
                                        submitted.stream()
                                                .map(
                                                        m ->
                                                                m.split(" ")[
                                                                        m.startsWith("submitted ")
                                                                                ? 1
                                                                                : 2]),
                                        adopted.stream().map(m -> m.split(" ")[2]))
                                .distinct())
                .as("JobIDs submitted or adopted")
                .containsExactlyInAnyOrder(jobA, restored.jobId());
    }

    private static long checkpoints(String name) {
        return job(name)
                .map(j -> j.completedCheckpoints() == null ? 0L : j.completedCheckpoints())
                .orElse(0L);
    }

    private static Optional<JobApi.JobView> job(String name) {
        return TestingSupervisors.job(store, sidecars, name);
    }

    /** Waits for {@code done}; the supervisor JVM ticks on its own. */
    private static void tickUntil(String what, BooleanSupplier done) {
        TestingSupervisors.until(() -> {}, what, done, store);
    }
}
