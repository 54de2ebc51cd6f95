package io.flotilla.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.sidecar.http.Json;
import io.flotilla.sidecar.http.Role;
import io.flotilla.sidecar.http.TokenAuth;
import io.flotilla.supervisor.http.SupervisorApi;
import io.flotilla.supervisor.model.Cluster;
import io.flotilla.supervisor.model.Event;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The API on the in-memory store: roles, every class of bad input, and nothing half-applied. */
class SupervisorApiTest {

    static final String ADMIN = "a".repeat(32);
    static final String OPERATOR = "o".repeat(32);
    static final String VIEWER = "v".repeat(32);

    private final TestingDeploymentStore rows = new TestingDeploymentStore();
    private final TestingControlStore store = new TestingControlStore(rows);
    private final TestingClock clock = new TestingClock();
    private final SupervisorApi api =
            new SupervisorApi(
                            new InetSocketAddress("127.0.0.1", 0),
                            new TokenAuth(
                                    List.of(
                                            new TokenAuth.Token("root", Role.ADMIN, ADMIN),
                                            new TokenAuth.Token("ci", Role.OPERATOR, OPERATOR),
                                            new TokenAuth.Token("dashboard", Role.VIEWER, VIEWER))),
                            store,
                            clock,
                            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                            () -> Map.of("status", "UP"),
                            () -> {})
                    .start();
    private final HttpClient http = HttpClient.newHttpClient();

    SupervisorApiTest() {
        store.putCluster(
                new Cluster("cluster-1", "http://127.0.0.1:1", "env:T", 4, null),
                new Event("", Instant.EPOCH, "ClusterRegistered", "cluster-1", 0, "root"));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    record Answer(int status, JsonNode body) {
        String code() {
            return body.path("error").path("code").asText();
        }

        String field() {
            return body.path("error").path("field").asText();
        }
    }

    Answer call(String token, String method, String path, String body) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(api.uri() + path))
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(
                r.statusCode(), r.body().isEmpty() ? null : Json.MAPPER.readTree(r.body()));
    }

    static String orders(String name) {
        return """
                {"name": "%s", "owner": "team-orders", "module": "examples/orders", "version": "1",
                 "artifactUri": "s3://flotilla-artifacts/orders/1.jar", "artifactSha256": "%s",
                 "entryClass": "io.flotilla.examples.orders.OrdersJob", "args": ["--sink", "blackhole"],
                 "cluster": "cluster-1", "retention": {"keepSavepoints": 5, "maxAge": "14d"}}
                """
                .formatted(name, "0".repeat(64));
    }

    @Test
    void adminCreatesADeploymentAtGenerationOneAndTheAuditLogNamesWho() throws Exception {
        Answer created = call(ADMIN, "POST", "/v1/deployments", orders("orders"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("generation").asLong()).isEqualTo(1);
        assertThat(created.body().get("phase").asText()).isEqualTo("PENDING");
        assertThat(store.deployment("orders").orElseThrow().spec().retention().keepSavepoints())
                .isEqualTo(5);
        Answer events = call(VIEWER, "GET", "/v1/events?deployment=orders", null);
        assertThat(events.body().get("events").get(0).get("who").asText()).isEqualTo("root");
        assertThat(events.body().get("events").get(0).get("type").asText()).isEqualTo("Created");
    }

    @Test
    void rolesDecideWhoMayChangeWhat() throws Exception {
        call(ADMIN, "POST", "/v1/deployments", orders("orders"));

        assertThat(call(null, "GET", "/v1/deployments", null).status()).isEqualTo(401);
        assertThat(call("x".repeat(32), "GET", "/v1/deployments", null).status()).isEqualTo(401);
        assertThat(call(VIEWER, "GET", "/v1/deployments", null).status()).isEqualTo(200);
        Answer viewerStops = call(VIEWER, "POST", "/v1/deployments/orders/stop", null);
        assertThat(viewerStops.status()).isEqualTo(403);
        assertThat(viewerStops.body().path("error").path("message").asText())
                .contains("role viewer", "needs role operator");
        assertThat(call(OPERATOR, "POST", "/v1/deployments", orders("other")).status())
                .isEqualTo(403);
        assertThat(
                        call(
                                        OPERATOR,
                                        "POST",
                                        "/v1/clusters",
                                        "{\"name\":\"c9\",\"sidecarUrl\":\"http://x:1\",\"tokenRef\":\"env:T\"}")
                                .status())
                .isEqualTo(403);
        assertThat(call(OPERATOR, "POST", "/v1/deployments/orders/stop", null).status())
                .isEqualTo(200);
        assertThat(store.deployment("other")).isEmpty();
        assertThat(store.cluster("c9")).isEmpty();
    }

    @Test
    void everyClassOfBadInputIsA4xxNamingTheFieldAndChangesNothing() throws Exception {
        call(ADMIN, "POST", "/v1/deployments", orders("orders"));
        int events = rows.events.size();
        var before = store.deployments();
        String good = orders("second");

        assertBad(call(ADMIN, "POST", "/v1/deployments", "{\"name\": "), 400, "malformed_json", "");
        assertBad(
                call(ADMIN, "POST", "/v1/deployments", good.replace("\"owner\"", "\"ownr\"")),
                400,
                "unknown_field",
                "ownr");
        assertBad(
                call(ADMIN, "POST", "/v1/deployments", good.replace("\"second\"", "\"Bad_Name\"")),
                400,
                "invalid_field",
                "name");
        assertBad(
                call(ADMIN, "POST", "/v1/deployments", good.replace("cluster-1", "cluster-9")),
                400,
                "unknown_cluster",
                "cluster");
        assertBad(
                call(
                        ADMIN,
                        "POST",
                        "/v1/deployments",
                        good.replace("\"cluster\"", "\"upgradeMode\": \"FAST\", \"cluster\"")),
                400,
                "invalid_field",
                "upgradeMode");
        assertBad(
                call(ADMIN, "POST", "/v1/deployments", good.replace("0".repeat(64), "abc")),
                400,
                "invalid_field",
                "artifactSha256");
        assertBad(
                call(ADMIN, "POST", "/v1/deployments", good.replace("\"14d\"", "\"soon\"")),
                400,
                "invalid_field",
                "retention.maxAge");
        assertBad(call(ADMIN, "POST", "/v1/deployments", orders("orders")), 409, "conflict", "");
        assertBad(
                call(OPERATOR, "POST", "/v1/deployments/nope/stop", null),
                404,
                "no_such_deployment",
                "name");
        assertBad(
                call(
                        OPERATOR,
                        "PUT",
                        "/v1/deployments/orders",
                        "{\"expectedGeneration\": 7, \"version\": \"2\"}"),
                409,
                "stale_generation",
                "expectedGeneration");
        assertBad(
                call(
                        OPERATOR,
                        "POST",
                        "/v1/deployments/orders/releases",
                        "{\"version\": \"2\", \"artifactUri\": \"s3://flotilla-artifacts/orders/2.jar\", \"artifactSha256\": \"XYZ\"}"),
                400,
                "invalid_field",
                "artifactSha256");
        assertBad(
                call(
                        OPERATOR,
                        "PUT",
                        "/v1/deployments/orders/lineage/1",
                        "{\"reads\": [\"orders\"], \"writes\": [\"\"]}"),
                400,
                "invalid_field",
                "writes[0]");
        assertBad(
                call(ADMIN, "DELETE", "/v1/deployments/orders", null), 409, "not_stopped", "name");

        assertThat(store.deployments()).isEqualTo(before);
        assertThat(rows.events).hasSize(events);
        assertThat(store.deployment("second")).isEmpty();
    }

    @Test
    void aFailingStoreIsA500WithoutAStackTraceAndNothingChanges() throws Exception {
        store.failWrites = true;
        Answer a = call(ADMIN, "POST", "/v1/deployments", orders("orders"));
        store.failWrites = false;

        assertThat(a.status()).isEqualTo(500);
        assertThat(a.body().toString()).doesNotContain("at io.flotilla", "Exception");
        assertThat(store.deployments()).isEmpty();
    }

    @Test
    void stopStartRestartAndReleaseEachMakeOneNewGeneration() throws Exception {
        call(ADMIN, "POST", "/v1/deployments", orders("orders"));

        assertThat(
                        call(
                                        OPERATOR,
                                        "POST",
                                        "/v1/deployments/orders/stop",
                                        "{\"expectedGeneration\": 1}")
                                .body()
                                .get("generation")
                                .asLong())
                .isEqualTo(2);
        assertThat(store.deployment("orders").orElseThrow().spec().desiredState().name())
                .isEqualTo("STOPPED");
        call(OPERATOR, "POST", "/v1/deployments/orders/start", null);
        call(OPERATOR, "POST", "/v1/deployments/orders/restart", null);
        Answer release =
                call(
                        OPERATOR,
                        "POST",
                        "/v1/deployments/orders/releases",
                        "{\"version\": \"2\", \"artifactUri\": \"s3://flotilla-artifacts/orders/2.jar\", \"artifactSha256\": \""
                                + "1".repeat(64)
                                + "\"}");

        assertThat(release.status()).isEqualTo(202);
        var spec = store.deployment("orders").orElseThrow().spec();
        assertThat(spec.generation()).isEqualTo(5);
        assertThat(spec.version()).isEqualTo("2");
        assertThat(spec.restarts()).isEqualTo(1);
        assertThat(
                        call(VIEWER, "GET", "/v1/deployments/orders/releases", null)
                                .body()
                                .get("releases")
                                .get(0)
                                .get("status")
                                .asText())
                .isEqualTo("REQUESTED");
        assertThat(rows.events).extracting(Event::who).containsOnly("root", "ci");
    }

    @Test
    void eventsArePaged() throws Exception {
        call(ADMIN, "POST", "/v1/deployments", orders("orders"));
        for (int i = 0; i < 4; i++) {
            call(OPERATOR, "POST", "/v1/deployments/orders/restart", null);
        }
        Answer first = call(VIEWER, "GET", "/v1/events?limit=2", null);
        Answer second = call(VIEWER, "GET", first.body().get("next").asText(), null);

        assertThat(first.body().get("events")).hasSize(2);
        assertThat(second.body().get("events").get(0).get("id").asLong())
                .isGreaterThan(first.body().get("events").get(1).get("id").asLong());
        assertBad(call(VIEWER, "GET", "/v1/events?limit=0", null), 400, "invalid_field", "limit");
    }

    @Test
    void lineageIsStoredPerVersionAndServedBack() throws Exception {
        call(ADMIN, "POST", "/v1/deployments", orders("orders"));

        assertThat(
                        call(
                                        OPERATOR,
                                        "PUT",
                                        "/v1/deployments/orders/lineage/1",
                                        "{\"reads\": [\"kafka.orders\"], \"writes\": [\"iceberg.daily\"]}")
                                .status())
                .isEqualTo(200);

        Answer got = call(VIEWER, "GET", "/v1/deployments/orders/lineage/1", null);
        assertThat(got.body().get("reads").get(0).asText()).isEqualTo("kafka.orders");
        assertThat(call(VIEWER, "GET", "/v1/deployments/orders/lineage/2", null).status())
                .isEqualTo(404);
    }

    @Test
    void aStoppedDeploymentCanBeDeletedAndIsRememberedForCleanup() throws Exception {
        call(
                ADMIN,
                "POST",
                "/v1/deployments",
                orders("orders")
                        .replace("\"cluster\"", "\"desiredState\": \"STOPPED\", \"cluster\""));
        var d = store.deployment("orders").orElseThrow();
        store.replaceDeployment(
                d.withStatus(s -> s.phase(io.flotilla.supervisor.model.Phase.STOPPED)),
                1,
                new Event("orders", Instant.EPOCH, "t", "t", 0));

        assertThat(call(ADMIN, "DELETE", "/v1/deployments/orders?generation=1", null).status())
                .isEqualTo(200);
        assertThat(store.deployment("orders")).isEmpty();
        assertThat(store.deleted())
                .singleElement()
                .satisfies(x -> assertThat(x.deployment().name()).isEqualTo("orders"));
    }

    @Test
    void declaringAClusterLostNeedsAnAdminAndAKnownCluster() throws Exception {
        assertThat(call(OPERATOR, "POST", "/v1/clusters/cluster-1/lost", null).status())
                .isEqualTo(403);
        assertBad(
                call(ADMIN, "POST", "/v1/clusters/nope/lost", null),
                404,
                "no_such_cluster",
                "cluster");
        assertThat(store.cluster("cluster-1").orElseThrow().lost()).isFalse();
    }

    static void assertBad(Answer a, int status, String code, String field) {
        assertThat(a.status()).as(a.body().toString()).isEqualTo(status);
        assertThat(a.code()).as(a.body().toString()).isEqualTo(code);
        assertThat(a.field()).as(a.body().toString()).isEqualTo(field);
        assertThat(a.body().path("error").path("message").asText()).isNotBlank();
    }
}
