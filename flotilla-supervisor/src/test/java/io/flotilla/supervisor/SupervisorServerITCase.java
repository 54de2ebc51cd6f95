package io.flotilla.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.http.Json;
import io.flotilla.supervisor.app.SupervisorServer;
import io.flotilla.supervisor.app.SupervisorSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor process on a real PostgreSQL: it leads, serves its API and reports metrics. */
class SupervisorServerITCase {

    static final String ADMIN = "a".repeat(32);

    @TempDir Path dir;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void leadsServesTheApiAndMarksADeploymentOnAnUnreachableClusterUnknown() throws Exception {
        Path tokens = dir.resolve("tokens");
        Files.writeString(tokens, "root admin " + ADMIN + "\n");
        Files.writeString(dir.resolve("sidecar-token"), "s".repeat(32));
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                SupervisorServer server =
                        SupervisorServer.start(
                                SupervisorSettings.parse(
                                        List.of(
                                                "--jdbc-url",
                                                pg.getJdbcUrl("postgres", "postgres"),
                                                "--tokens-file",
                                                tokens.toString(),
                                                "--tick-interval",
                                                "PT0.2S",
                                                "--lease-ttl",
                                                "2s",
                                                "--secrets-dir",
                                                dir.toString(),
                                                "--sidecar-allow-http",
                                                "true"),
                                        Map.of()))) {
            URI api = server.uri();
            await(() -> get(api, "/health").get("leader").asBoolean(), "leadership");

            assertThat(
                            send(
                                    api,
                                    "POST",
                                    "/v1/clusters",
                                    "{\"name\":\"gone\",\"sidecarUrl\":\"http://127.0.0.1:9\",\"tokenRef\":\"file:"
                                            + dir.resolve("sidecar-token")
                                            + "\"}"))
                    .isEqualTo(201);
            assertThat(
                            send(
                                    api,
                                    "POST",
                                    "/v1/deployments",
                                    SupervisorApiFixture.orders("orders")
                                            .replace("cluster-1", "gone")))
                    .isEqualTo(201);
            await(
                    () ->
                            get(api, "/v1/deployments/orders")
                                    .get("phase")
                                    .asText()
                                    .equals("UNKNOWN"),
                    "the deployment UNKNOWN");

            // The phase gauge is refreshed at the end of a tick, after the API already shows the
            // phase: wait for the gauge rather than read it once.
            await(
                    () ->
                            text(api, "/metrics")
                                    .contains(
                                            "flotilla_supervisor_deployments{phase=\"UNKNOWN\"} 1.0"),
                    "the phase gauge to count the UNKNOWN deployment");
            String metrics = text(api, "/metrics");
            assertThat(metrics)
                    .contains("flotilla_supervisor_leader 1.0")
                    .contains("flotilla_supervisor_actions_total{kind=\"MarkUnknown\"}")
                    .contains("flotilla_supervisor_tick_duration_seconds_count");
            JsonNode events = get(api, "/v1/events?deployment=orders");
            assertThat(events.get("events").findValuesAsText("who")).contains("root");
        }
    }

    private JsonNode get(URI api, String path) throws Exception {
        return Json.MAPPER.readTree(text(api, path));
    }

    private String text(URI api, String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(api.resolve(path))
                                .header("Authorization", "Bearer " + ADMIN)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private int send(URI api, String method, String path, String body) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(api.resolve(path))
                                .header("Authorization", "Bearer " + ADMIN)
                                .method(method, HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private static void await(Check check, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (check.ok()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("gave up waiting for " + what);
    }
}
