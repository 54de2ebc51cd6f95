package io.flotilla.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.sidecar.Sidecar;
import io.flotilla.sidecar.client.SidecarClient;
import io.flotilla.sidecar.flink.FlinkRest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    static SidecarClient api;
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

    static Map<String, Object> spec(String name, String cluster) {
        return Map.of(
                "name",
                name,
                "owner",
                "team-orders",
                "module",
                "examples/orders",
                "version",
                "1",
                "artifactUri",
                artifact.uri(),
                "artifactSha256",
                artifact.sha256(),
                "entryClass",
                Demo.ENTRY_CLASS,
                "args",
                List.of("--checkpoint-interval", "1", "--sink", "blackhole"),
                "cluster",
                cluster);
    }

    @Test
    @Order(1)
    void aJobCancelledThroughFlinkComesBackFromItsRetainedCheckpoint() {
        assertThat(api.post("/v1/deployments", spec("survivor", "cluster-1")).status())
                .isEqualTo(201);
        JsonNode running =
                until(
                        "survivor",
                        "RUNNING with a checkpoint",
                        d ->
                                phase(d, "RUNNING")
                                        && d.path("status").path("lastCheckpoint").isTextual());
        String oldJob = running.path("status").path("jobId").asText();

        try (FlinkRest flink =
                FlinkRest.connect(
                        platform.cluster("cluster-1").restUrl(), Duration.ofSeconds(10))) {
            flink.cancel(JobID.fromHexString(oldJob));
        }

        JsonNode back =
                until(
                        "survivor",
                        "RUNNING again as a new job",
                        d ->
                                phase(d, "RUNNING")
                                        && !d.path("status").path("jobId").asText().equals(oldJob));
        String restoredFrom =
                api.get("/v1/deployments/survivor/runs")
                        .body()
                        .path("current")
                        .path("restoredFrom")
                        .asText();
        // Its state: the checkpoint Flink kept although the job was cancelled.
        assertThat(restoredFrom)
                .startsWith(
                        platform.cluster("cluster-1").stateUri()
                                + "/checkpoints/"
                                + oldJob
                                + "/chk-");
        // Its retries went back to 0 once the new job checkpointed: progress proves it healthy.
        assertThat(back.path("status").path("phase").asText()).isEqualTo("RUNNING");
        JsonNode state = sidecarClient("cluster-1").get("/v1/state").body();
        assertThat(state.path("entries"))
                .anySatisfy(
                        e -> {
                            assertThat(e.path("path").asText()).isEqualTo(restoredFrom);
                            assertThat(e.path("complete").asBoolean()).isTrue();
                        });
    }

    @Test
    @Order(2)
    void aLostClusterBackWithItsOldJobRunningEndsWithExactlyOneJobPerDeployment() throws Exception {
        assertThat(api.post("/v1/deployments", spec("mover", "cluster-2")).status()).isEqualTo(201);
        JsonNode running =
                until(
                        "mover",
                        "RUNNING with a checkpoint",
                        d ->
                                phase(d, "RUNNING")
                                        && d.path("status").path("lastCheckpoint").isTextual());
        String oldJob = running.path("status").path("jobId").asText();

        // Declaring a cluster that answers lost is refused, and moves nothing.
        SidecarClient.Reply refused = api.post("/v1/clusters/cluster-2/lost", null);
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(409);
        assertThat(refused.body().toString()).contains("cluster_not_lost").contains("answers");

        // The sidecar goes away; Flink and the job run on, out of the supervisor's sight.
        Sidecar sidecar = platform.sidecar("cluster-2");
        int port = sidecar.uri().getPort();
        sidecar.close();
        until("mover", "UNKNOWN", d -> phase(d, "UNKNOWN"));
        SidecarClient.Reply lost =
                awaitReply(
                        () -> api.post("/v1/clusters/cluster-2/lost", null),
                        r -> r.status() == 200);
        assertThat(lost.body().path("moved").get(0).path("to").asText()).isEqualTo("cluster-1");
        // The twin on cluster-2 keeps checkpointing and, keeping 3, deletes the checkpoint the
        // move restores from: then the new job cannot start, and after the crash-loop limit the
        // deployment needs attention; the operator starts it stateless.
        JsonNode settled =
                until(
                        "mover",
                        "RUNNING on cluster-1 or NEEDS_ATTENTION",
                        d ->
                                phase(d, "NEEDS_ATTENTION")
                                        || phase(d, "RUNNING")
                                                && d.path("cluster").asText().equals("cluster-1"));
        if (phase(settled, "NEEDS_ATTENTION")) {
            assertThat(settled.path("status").path("attention").path("options").toString())
                    .contains("STATELESS");
            SidecarClient.Reply stateless =
                    api.send(
                            java.net.http.HttpRequest.newBuilder(
                                            supervisor.uri().resolve("/v1/deployments/mover"))
                                    .header("Content-Type", "application/json")
                                    .PUT(
                                            java.net.http.HttpRequest.BodyPublishers.ofString(
                                                    "{\"upgradeMode\": \"STATELESS\","
                                                            + " \"expectedGeneration\": "
                                                            + settled.path("generation").asLong()
                                                            + "}")));
            assertThat(stateless.status()).as(stateless.body().toString()).isEqualTo(200);
        }
        JsonNode moved =
                until(
                        "mover",
                        "RUNNING on cluster-1",
                        d -> phase(d, "RUNNING") && d.path("cluster").asText().equals("cluster-1"));
        String newJob = moved.path("status").path("jobId").asText();
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
        awaitReply(
                () -> api.get("/v1/clusters/cluster-2"),
                r -> !r.body().path("lost").asBoolean(true));
        assertThat(flinkStatus("cluster-2", oldJob)).isEqualTo(JobStatus.CANCELED);
        assertThat(aliveJobs("cluster-2")).isEmpty();
        assertThat(aliveJobs("cluster-1")).contains(newJob).hasSize(2); // mover and survivor
        JsonNode events = api.get("/v1/events?deployment=mover&limit=1000").body().path("events");
        List<String> types = new ArrayList<>();
        events.forEach(e -> types.add(e.path("type").asText()));
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

    private static boolean phase(JsonNode d, String phase) {
        return d.path("phase").asText().equals(phase);
    }

    private static SidecarClient.Reply awaitReply(
            Supplier<SidecarClient.Reply> call, Predicate<SidecarClient.Reply> done) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        SidecarClient.Reply last = call.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting: last answer " + last.body());
            }
            S3Store.sleep(1000);
            last = call.get();
        }
        return last;
    }

    private static JsonNode until(String name, String what, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = api.get("/v1/deployments/" + name).body();
            if (condition.test(last)) {
                return last;
            }
            S3Store.sleep(500);
        }
        throw new AssertionError("gave up waiting for " + name + " " + what + ": " + last);
    }
}
