package io.flotilla.supervisor;

import io.flotilla.http.OpenApiCheck;
import io.flotilla.http.TokenAuth;
import io.flotilla.supervisor.http.SupervisorApi;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The document the supervisor serves is generated from its endpoints and describes every route. */
class SupervisorOpenApiTest {

    static final String TOKEN = "x".repeat(32);

    @Test
    void theServedDocumentIsValidOpenApiWithEveryRouteSchemaAndRole() throws Exception {
        try (SupervisorApi api =
                new SupervisorApi(
                        new InetSocketAddress("127.0.0.1", 0),
                        new TokenAuth(Map.of("x", TOKEN)),
                        new TestingControlStore(new TestingDeploymentStore()),
                        new TestingClock(),
                        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                        Map::of,
                        () -> {})) {
            api.start();
            HttpResponse<String> served =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(
                                                    api.uri()
                                                            .resolve(
                                                                    URI.create("/v1/openapi.json")))
                                            .header("Authorization", "Bearer " + TOKEN)
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            OpenApiCheck.check(served.body(), api.endpoints());
        }
    }
}
