package io.flotilla.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.sidecar.client.SidecarClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The supervisor process and its REST API on the real two-cluster platform: clusters registered,
 * deployments created, stopped, started and released through HTTP only, bad input refused with
 * nothing changed, and a lost cluster's deployment moved only once an admin declares it lost.
 */
class SupervisorApiITCase {

    static LocalPlatform platform;
    static LocalSupervisor supervisor;
    static SidecarClient api;
    static Artifacts.Published artifact;

    @BeforeAll
    static void start() {
        platform =
                TestingPlatforms.start(
                        TestingPlatforms.freshHome("supervisor-api"), 2, "--slots", "4");
        supervisor = LocalSupervisor.start(platform, List.of("--lost-after", "20s"));
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
                List.of(
                        "--checkpoint-interval", "1",
                        "--sink", "blackhole",
                        "--rows-per-second", "5"),
                "cluster",
                cluster,
                "retention",
                Map.of("keepSavepoints", 4, "maxAge", "3d"));
    }

    @Test
    void deploymentsAreCreatedStoppedStartedReleasedAndMovedOffALostClusterThroughTheApi() {
        JsonNode clusters = api.get("/v1/clusters").body().get("clusters");
        assertThat(clusters)
                .extracting(c -> c.get("name").asText())
                .containsExactly("cluster-1", "cluster-2");

        assertThat(api.post("/v1/deployments", spec("orders-a", "cluster-1")).status())
                .isEqualTo(201);
        assertThat(api.post("/v1/deployments", spec("orders-b", "cluster-2")).status())
                .isEqualTo(201);
        for (String name : List.of("orders-a", "orders-b")) {
            until(
                    name,
                    "RUNNING with a checkpoint",
                    d -> phase(d, "RUNNING") && d.path("status").hasNonNull("lastCheckpoint"));
        }

        // Bad input: a clear 4xx naming the field, and nothing changed.
        List<JsonNode> before = deployments();
        int events = api.get("/v1/events?limit=1000").body().get("events").size();
        Map<String, Object> badSha = new java.util.HashMap<>(spec("orders-c", "cluster-1"));
        badSha.put("artifactSha256", "not-a-sha");
        assertError(api.post("/v1/deployments", badSha), 400, "artifactSha256");
        assertError(api.post("/v1/deployments", spec("orders-c", "cluster-9")), 400, "cluster");
        assertError(api.post("/v1/deployments", "{\"name\": ".getBytes()), 400, null);
        assertError(
                api.send(
                        HttpRequest.newBuilder(supervisor.uri().resolve("/v1/deployments/orders-a"))
                                .header("Content-Type", "application/json")
                                .PUT(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"expectedGeneration\": 99, \"parallelism\": 2}"))),
                409,
                "expectedGeneration");
        assertError(api.post("/v1/deployments/orders-z/stop", null), 404, "name");
        assertThat(deployments()).isEqualTo(before);
        assertThat(api.get("/v1/events?limit=1000").body().get("events")).hasSize(events);

        // Stop with a savepoint, start from it.
        assertThat(api.post("/v1/deployments/orders-a/stop", null).status()).isEqualTo(200);
        JsonNode stopped = until("orders-a", "STOPPED", d -> phase(d, "STOPPED"));
        String savepoint = stopped.path("status").path("lastSavepoint").asText();
        assertThat(savepoint).contains("savepoint");
        assertThat(api.post("/v1/deployments/orders-a/start", null).status()).isEqualTo(200);
        until(
                "orders-a",
                "RUNNING again",
                d -> phase(d, "RUNNING") && !d.path("status").path("jobId").isNull());
        assertThat(
                        api.get("/v1/deployments/orders-a/runs")
                                .body()
                                .path("current")
                                .path("restoredFrom")
                                .asText())
                .isEqualTo(savepoint);

        // A release of version 2 with `bin/flotilla release`: the jar published with its
        // sha256, the release asked of the supervisor and followed to its end.
        PlatformDescriptor.write(platform, supervisor);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int code =
                new ReleaseCommand(
                                PlatformDescriptor.read(platform.home()).orElseThrow(),
                                LocalSettings.parse(List.of(), Map.of())
                                        .get(LocalSettings.S3_SECRET_KEY),
                                new Progress(new java.io.PrintStream(out, true)))
                        .run(
                                ReleaseCommand.Args.parse(
                                        List.of(
                                                "orders-b",
                                                "--jar",
                                                TestingPlatforms.exampleJar().toString(),
                                                "--version",
                                                "2")));
        assertThat(code).as(out.toString()).isZero();
        assertThat(out.toString())
                .contains(
                        "published " + TestingPlatforms.exampleJar().getFileName(),
                        "release of orders-b from version 1 to 2 requested",
                        "DONE: ");
        until(
                "orders-b",
                "version 2 RUNNING with the release done",
                d ->
                        phase(d, "RUNNING")
                                && d.path("lastReconciledSpec").path("version").asText().equals("2")
                                && d.path("status").path("release").isNull());
        List<String> releases = new ArrayList<>();
        api.get("/v1/deployments/orders-b/releases")
                .body()
                .get("releases")
                .forEach(r -> releases.add(r.get("status").asText()));
        assertThat(releases).containsExactly("REQUESTED", "DONE");
        assertThat(
                        api.get("/v1/deployments/orders-b/runs")
                                .body()
                                .path("current")
                                .path("restoredFrom")
                                .asText())
                .contains("savepoint");

        // The audit log: who asked, and what the supervisor did.
        List<String> log = new ArrayList<>();
        api.get("/v1/events?deployment=orders-b&limit=1000")
                .body()
                .get("events")
                .forEach(e -> log.add(e.get("who").asText() + " " + e.get("type").asText()));
        assertThat(log)
                .contains(
                        "admin Created",
                        "admin ReleaseRequested",
                        "supervisor Submitted",
                        "supervisor StopRequested");
        assertThat(api.get("/metrics").body().path("text").asText())
                .contains("flotilla_supervisor_leader 1.0");

        // cluster-2 goes away: its deployment stays UNKNOWN where it is until an admin declares
        // the cluster lost; then it runs on cluster-1 from its newest restorable state.
        // Killed, as a lost machine would be: a stopped Flink JVM's watchdog would take the
        // platform's PostgreSQL with it.
        platform.cluster("cluster-2").taskManager().kill();
        platform.cluster("cluster-2").jobManager().kill();
        JsonNode unknown = until("orders-b", "UNKNOWN", d -> phase(d, "UNKNOWN"));
        assertThat(unknown.path("cluster").asText()).isEqualTo("cluster-2");
        String newest = unknown.path("status").path("newestRestorable").asText();
        // Unreachable for moments only: it may still run its jobs, so the declaration is refused.
        SidecarClient.Reply early = api.post("/v1/clusters/cluster-2/lost", null);
        assertThat(early.status()).as(early.body().toString()).isEqualTo(409);
        assertThat(early.body().toString()).contains("cluster_not_lost");
        assertThat(api.get("/v1/deployments/orders-b").body().path("cluster").asText())
                .isEqualTo("cluster-2");
        SidecarClient.Reply lost = early;
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (lost.status() != 200 && System.nanoTime() < deadline) {
            S3Store.sleep(2000);
            lost = api.post("/v1/clusters/cluster-2/lost", null);
        }
        assertThat(lost.body().path("moved").get(0).path("to").asText()).isEqualTo("cluster-1");
        until(
                "orders-b",
                "RUNNING on cluster-1",
                d -> phase(d, "RUNNING") && d.path("cluster").asText().equals("cluster-1"));
        assertThat(
                        api.get("/v1/deployments/orders-b/runs")
                                .body()
                                .path("current")
                                .path("restoredFrom")
                                .asText())
                .isEqualTo(newest);
        List<String> moved = new ArrayList<>();
        api.get("/v1/events?deployment=orders-b&limit=1000")
                .body()
                .get("events")
                .forEach(e -> moved.add(e.get("who").asText() + " " + e.get("type").asText()));
        assertThat(moved).contains("admin MovedFromLostCluster");
    }

    private static List<JsonNode> deployments() {
        List<JsonNode> out = new ArrayList<>();
        api.get("/v1/deployments").body().get("deployments").forEach(d -> out.add(d.get("spec")));
        return out;
    }

    private static boolean phase(JsonNode d, String phase) {
        return d.path("phase").asText().equals(phase);
    }

    private static void assertError(SidecarClient.Reply reply, int status, String field) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
        JsonNode error = reply.body().path("error");
        assertThat(error.path("message").asText()).isNotBlank();
        if (field != null) {
            assertThat(error.path("field").asText()).isEqualTo(field);
        }
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
