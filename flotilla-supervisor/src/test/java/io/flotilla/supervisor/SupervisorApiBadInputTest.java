package io.flotilla.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.supervisor.model.Cluster;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.Event;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The API on bad input and a failing store: a clear 4xx or a bare 500, and nothing half-applied.
 */
class SupervisorApiBadInputTest extends SupervisorApiFixture {

    static Stream<BadRequests.Case> badRequests() {
        return BadRequests.all().stream();
    }

    @Test
    void moreThanTwoHundredBadRequestsAreChecked() {
        assertThat(BadRequests.all()).hasSizeGreaterThan(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void aBadRequestIsRefusedAsJsonNamingTheFieldAndChangesNothing(BadRequests.Case c)
            throws Exception {
        call(ADMIN, "POST", "/v1/deployments", orders("orders"));
        List<Deployment> deployments = store.deployments();
        List<Cluster> clusters = store.clusters();
        List<Event> events = List.copyOf(rows.events);

        Answer a = call(c.token(), c.method(), c.path(), c.body());

        assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(c.status());
        assertThat(a.body()).as("a JSON error body").isNotNull();
        assertThat(a.code()).as(a.body().toString()).isNotBlank();
        assertThat(a.field()).as(a.body().toString()).isEqualTo(c.field());
        assertThat(a.body().path("error").path("message").asText())
                .as(a.body().toString())
                .isNotBlank()
                .doesNotContain("Exception", "at io.flotilla");
        assertThat(store.deployments()).isEqualTo(deployments);
        assertThat(store.clusters()).isEqualTo(clusters);
        assertThat(rows.events).isEqualTo(events);
    }

    @Test
    void aMalformedPercentEscapeInThePathIsAJsonError() throws Exception {
        call(ADMIN, "POST", "/v1/deployments", orders("orders"));
        int events = rows.events.size();
        for (String path :
                List.of("/v1/deployments/%zz", "/v1/deployments/%", "/v1/clusters/a%2")) {
            String answer = raw("GET " + path + " HTTP/1.1");
            assertThat(answer).as(path).startsWith("HTTP/1.1 4").contains("application/json");
            assertThat(answer.substring(answer.indexOf("\r\n\r\n")))
                    .as(path)
                    .contains("\"error\"")
                    .doesNotContain("<html", "<h1>");
            answer = raw("POST " + path + "/stop HTTP/1.1");
            assertThat(answer).as(path).startsWith("HTTP/1.1 4").contains("application/json");
        }
        assertThat(rows.events).hasSize(events);
    }

    /** One request sent as it is written: HTTP clients refuse to send a malformed path. */
    private String raw(String requestLine) throws Exception {
        try (Socket s = new Socket(api.uri().getHost(), api.uri().getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(
                    (requestLine
                                    + "\r\nHost: x\r\nAuthorization: Bearer "
                                    + ADMIN
                                    + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
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
        assertBad(
                call(
                        ADMIN,
                        "POST",
                        "/v1/deployments",
                        good.replace("\"14d\"", "\"14d\", \"savepointEvery\": \"1s\"")),
                400,
                "invalid_field",
                "retention.savepointEvery");
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
                        "{\"reads\": [{\"name\": \"orders\"}], \"writes\": [{\"name\": \"\"}]}"),
                400,
                "invalid_field",
                "writes[0].name");
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
}
