package io.flotilla.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.http.HttpOptions;
import io.flotilla.http.Json;
import io.flotilla.http.Role;
import io.flotilla.http.TokenAuth;
import io.flotilla.supervisor.http.ClusterAccess;
import io.flotilla.supervisor.http.ClusterRegistrationPolicy;
import io.flotilla.supervisor.http.SpecRules;
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
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/**
 * The supervisor API on the in-memory stores, served on a free port, with a client for the tests
 * that call it; closed after each test.
 */
abstract class SupervisorApiFixture {

    static final String ADMIN = "a".repeat(32);
    static final String OPERATOR = "o".repeat(32);
    static final String VIEWER = "v".repeat(32);
    static final Path SECRETS = Path.of("/etc/flotilla/secrets");

    final TestingDeploymentStore rows = new TestingDeploymentStore();
    final TestingControlStore store = new TestingControlStore(rows);
    final TestingClock clock = new TestingClock();
    final TestingClusterLogs logs = new TestingClusterLogs();
    final TestingClusters clusters = new TestingClusters("cluster-1");
    final TestingSavepoints savepoints = new TestingSavepoints();
    final TestingBackfills backfills = new TestingBackfills(rows);
    final SupervisorApi api =
            mounted(
                            new SupervisorApi(
                                    new InetSocketAddress("127.0.0.1", 0),
                                    new TokenAuth(
                                            List.of(
                                                    new TokenAuth.Token("root", Role.ADMIN, ADMIN),
                                                    new TokenAuth.Token(
                                                            "ci", Role.OPERATOR, OPERATOR),
                                                    new TokenAuth.Token(
                                                            "dashboard", Role.VIEWER, VIEWER))),
                                    store,
                                    clock,
                                    new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                                    () -> Map.of("status", "UP"),
                                    () -> {},
                                    new ClusterRegistrationPolicy(
                                            SECRETS, "FLOTILLA_CLUSTER_TOKEN_", false),
                                    SpecRules.defaults(),
                                    new ClusterAccess(logs, clusters.lister(), savepoints),
                                    HttpOptions.defaults(),
                                    ClusterLoss.LOST_AFTER,
                                    backfills))
                    .start();
    final HttpClient http = HttpClient.newHttpClient();

    SupervisorApiFixture() {
        store.putCluster(
                new Cluster("cluster-1", "http://127.0.0.1:1", "env:T", 4, null),
                new Event("", Instant.EPOCH, "ClusterRegistered", "cluster-1", 0, "root"));
    }

    /**
     * Pages to mount before the API starts (the web UI's tests), none by default; called while the
     * fixture is constructed, so it may refer to {@link #api} only lazily.
     */
    io.flotilla.http.PageRoutes pages() {
        return null;
    }

    private SupervisorApi mounted(SupervisorApi created) {
        io.flotilla.http.PageRoutes p = pages();
        return p == null ? created : created.mount(p);
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

    static void assertBad(Answer a, int status, String code, String field) {
        assertThat(a.status()).as(a.body().toString()).isEqualTo(status);
        assertThat(a.code()).as(a.body().toString()).isEqualTo(code);
        assertThat(a.field()).as(a.body().toString()).isEqualTo(field);
        assertThat(a.body().path("error").path("message").asText()).isNotBlank();
    }
}
