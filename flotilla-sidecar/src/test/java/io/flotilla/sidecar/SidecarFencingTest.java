package io.flotilla.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.http.FencingGuard;
import io.flotilla.http.Json;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sidecar's fencing: kept across a restart in its data folder, raised only by the supervisor. */
class SidecarFencingTest {

    private static final String SUPERVISOR = "s".repeat(32);
    private static final String OPERATOR = "o".repeat(32);

    @TempDir Path data;
    private final HttpClient http = HttpClient.newHttpClient();

    private Sidecar start() {
        return Sidecar.start(
                SidecarSettings.parse(
                        List.of(
                                "--cluster", "c1",
                                "--flink-rest-url", "http://127.0.0.1:1",
                                "--s3-endpoint", "http://127.0.0.1:1",
                                "--s3-access-key", "k",
                                "--flink-timeout", "1s",
                                "--work-dir", data.toString()),
                        Map.of(
                                "FLOTILLA_SIDECAR_TOKEN", SUPERVISOR,
                                "FLOTILLA_SIDECAR_OPERATOR_TOKEN", OPERATOR,
                                "FLOTILLA_SIDECAR_S3_SECRET_KEY", "s")));
    }

    /** A fenced change; the JobManager is not there, so past the guard it fails with 503. */
    private JsonNode cancel(Sidecar s, String token, long fencing) throws Exception {
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(
                                        s.uri()
                                                .resolve(
                                                        "/v1/jobs/00000000000000000000000000000001/cancel"))
                                .header("Authorization", "Bearer " + token)
                                .header(FencingGuard.HEADER, Long.toString(fencing))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode body = Json.MAPPER.readTree(r.body());
        ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("status", r.statusCode());
        return body;
    }

    @Test
    void theHighestFencingTokenSurvivesARestart() throws Exception {
        try (Sidecar s = start()) {
            assertThat(cancel(s, SUPERVISOR, 42).path("error").path("code").asText())
                    .isNotEqualTo("stale_leader");
        }
        assertThat(Files.readString(data.resolve(Sidecar.FENCING_FILE)).trim()).isEqualTo("42");
        try (Sidecar s = start()) {
            JsonNode stale = cancel(s, SUPERVISOR, 41);
            assertThat(stale.path("status").asInt()).isEqualTo(409);
            assertThat(stale.path("error").path("code").asText()).isEqualTo("stale_leader");
            assertThat(cancel(s, SUPERVISOR, 42).path("error").path("code").asText())
                    .isNotEqualTo("stale_leader");
        }
    }

    @Test
    void onlyTheSupervisorsTokenMayRaiseIt() throws Exception {
        try (Sidecar s = start()) {
            cancel(s, SUPERVISOR, 5);
            JsonNode raised = cancel(s, OPERATOR, Long.MAX_VALUE);
            assertThat(raised.path("status").asInt()).isEqualTo(403);
            assertThat(raised.path("error").path("code").asText()).isEqualTo("fencing_not_allowed");
            assertThat(raised.path("error").path("field").asText()).isEqualTo(FencingGuard.HEADER);
            // the supervisor's next request still goes through: nobody fenced it out
            assertThat(cancel(s, SUPERVISOR, 5).path("error").path("code").asText())
                    .isNotEqualTo("stale_leader");
            assertThat(cancel(s, OPERATOR, 4).path("error").path("code").asText())
                    .isEqualTo("stale_leader");
        }
        assertThat(Files.readString(data.resolve(Sidecar.FENCING_FILE)).trim()).isEqualTo("5");
    }

    @Test
    void anUnreadableTokenFileStopsTheStartInsteadOfForgettingIt() throws Exception {
        Files.writeString(data.resolve(Sidecar.FENCING_FILE), "garbage");
        assertThatThrownBy(this::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fencing token");
    }
}
