package io.flotilla.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.flotilla.http.ApiCallException;
import io.flotilla.local.cli.ReleaseCommand;
import io.flotilla.local.demo.Demo;
import io.flotilla.local.process.S3Store;
import io.flotilla.supervisor.api.ClusterLost;
import io.flotilla.supervisor.api.ClusterView;
import io.flotilla.supervisor.api.DeploymentRequest;
import io.flotilla.supervisor.api.DeploymentView;
import io.flotilla.supervisor.api.EventView;
import io.flotilla.supervisor.api.Phase;
import io.flotilla.supervisor.api.RetentionRequest;
import io.flotilla.supervisor.api.SpecView;
import io.flotilla.supervisor.api.SupervisorClient;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    static SupervisorClient api;
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

    static DeploymentRequest spec(String name, String cluster) {
        return spec(name, cluster, artifact.sha256());
    }

    static DeploymentRequest spec(String name, String cluster, String sha256) {
        return DeploymentRequest.create(
                        name,
                        "team-orders",
                        "examples/orders",
                        "1",
                        artifact.uri(),
                        sha256,
                        Demo.ENTRY_CLASS,
                        TestingSupervisors.QUIET_ORDERS,
                        cluster)
                .withRetention(new RetentionRequest(4, "3d"));
    }

    @Test
    void deploymentsAreCreatedStoppedStartedReleasedAndMovedOffALostClusterThroughTheApi()
            throws Exception {
        assertThat(api.clusters().clusters())
                .extracting(ClusterView::name)
                .containsExactly("cluster-1", "cluster-2");

        assertThat(api.create(spec("orders-a", "cluster-1")).generation()).isEqualTo(1);
        assertThat(api.create(spec("orders-b", "cluster-2")).generation()).isEqualTo(1);
        for (String name : List.of("orders-a", "orders-b")) {
            until(
                    name,
                    "RUNNING with a checkpoint",
                    d -> d.phase() == Phase.RUNNING && d.status().lastCheckpoint() != null);
        }

        // Bad input: a clear 4xx naming the field, and nothing changed.
        List<SpecView> before = deployments();
        // Callers' events only: the supervisor's own loop may log one meanwhile (health, contact).
        long events = callersEvents();
        assertError(
                () -> api.create(spec("orders-c", "cluster-1", "not-a-sha")),
                400,
                "artifactSha256");
        assertError(() -> api.create(spec("orders-c", "cluster-9")), 400, "cluster");
        assertThat(raw("POST", "/v1/deployments", "{\"name\": ")).isEqualTo(400);
        assertError(
                () -> api.update("orders-a", DeploymentRequest.change(99L).withParallelism(2)),
                409,
                "expectedGeneration");
        assertError(() -> api.stop("orders-z", null), 404, "name");
        assertThat(deployments()).isEqualTo(before);
        assertThat(callersEvents()).isEqualTo(events);

        // Stop with a savepoint, start from it.
        api.stop("orders-a", null);
        DeploymentView stopped = until("orders-a", "STOPPED", d -> d.phase() == Phase.STOPPED);
        String savepoint = stopped.status().lastSavepoint();
        assertThat(savepoint).contains("savepoint");
        api.start("orders-a", null);
        until(
                "orders-a",
                "RUNNING again",
                d -> d.phase() == Phase.RUNNING && d.status().jobId() != null);
        assertThat(api.runs("orders-a").current().restoredFrom()).isEqualTo(savepoint);

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
                        d.phase() == Phase.RUNNING
                                && d.lastReconciledSpec() != null
                                && "2".equals(d.lastReconciledSpec().version())
                                && d.status().release() == null);
        assertThat(api.releases("orders-b").releases())
                .extracting(r -> r.status().name())
                .containsExactly("REQUESTED", "DONE");
        assertThat(api.runs("orders-b").current().restoredFrom()).contains("savepoint");

        // The audit log: who asked, and what the supervisor did.
        assertThat(log("orders-b"))
                .contains(
                        "admin Created",
                        "admin ReleaseRequested",
                        "supervisor Submitted",
                        "supervisor StopRequested");
        assertThat(api.metrics()).contains("flotilla_supervisor_leader 1.0");

        // cluster-2 goes away: its deployment stays UNKNOWN where it is until an admin declares
        // the cluster lost; then it runs on cluster-1 from its newest restorable state.
        // Killed, as a lost machine would be: a stopped Flink JVM's watchdog would take the
        // platform's PostgreSQL with it.
        platform.cluster("cluster-2").taskManager().kill();
        platform.cluster("cluster-2").jobManager().kill();
        DeploymentView unknown = until("orders-b", "UNKNOWN", d -> d.phase() == Phase.UNKNOWN);
        assertThat(unknown.cluster()).isEqualTo("cluster-2");
        String newest = unknown.status().newestRestorable();
        // Unreachable for moments only: it may still run its jobs, so the declaration is refused.
        ApiCallException early =
                catchThrowableOfType(ApiCallException.class, () -> api.declareLost("cluster-2"));
        assertThat(early).as("declared lost too early").isNotNull();
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("cluster_not_lost");
        assertThat(api.deployment("orders-b").cluster()).isEqualTo("cluster-2");
        ClusterLost lost = null;
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (lost == null && System.nanoTime() < deadline) {
            S3Store.sleep(2000);
            try {
                lost = api.declareLost("cluster-2");
            } catch (ApiCallException e) {
                assertThat(e.code()).as(e.toString()).isEqualTo("cluster_not_lost");
            }
        }
        assertThat(lost).as("cluster-2 declared lost after --lost-after").isNotNull();
        assertThat(lost.moved().get(0).to()).isEqualTo("cluster-1");
        until(
                "orders-b",
                "RUNNING on cluster-1",
                d -> d.phase() == Phase.RUNNING && d.cluster().equals("cluster-1"));
        assertThat(api.runs("orders-b").current().restoredFrom()).isEqualTo(newest);
        assertThat(log("orders-b")).contains("admin MovedFromLostCluster");
    }

    private static List<String> log(String deployment) {
        List<String> out = new ArrayList<>();
        for (EventView e : api.events(deployment, 0, 1000).events()) {
            out.add(e.who() + " " + e.type());
        }
        return out;
    }

    private static long callersEvents() {
        return api.events(null, 0, 1000).events().stream()
                .filter(e -> !"supervisor".equals(e.who()))
                .count();
    }

    private static List<SpecView> deployments() {
        return api.deployments().deployments().stream().map(DeploymentView::spec).toList();
    }

    /** A raw call, for bodies the typed client cannot send (malformed JSON). */
    private static int raw(String method, String path, String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(supervisor.uri().resolve(path))
                                .header("Authorization", "Bearer " + supervisor.token())
                                .header("Content-Type", "application/json")
                                .method(method, HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static void assertError(Runnable call, int status, String field) {
        ApiCallException e = catchThrowableOfType(ApiCallException.class, call::run);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.status()).as(e.toString()).isEqualTo(status);
        assertThat(e.getMessage()).isNotBlank();
        assertThat(e.field()).isEqualTo(field);
    }

    private static DeploymentView until(
            String name, String what, Predicate<DeploymentView> condition) {
        return TestingSupervisors.awaitDeployment(
                api, name, what, Duration.ofSeconds(240), condition);
    }
}
