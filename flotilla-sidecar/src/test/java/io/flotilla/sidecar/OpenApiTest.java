package io.flotilla.sidecar;

import io.flotilla.http.OpenApiCheck;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The document the sidecar serves is generated from its endpoints and describes every route. */
class OpenApiTest {

    static final String TOKEN = "t".repeat(32);

    @Test
    void theServedDocumentIsValidOpenApiWithEveryRouteSchemaAndRole() throws Exception {
        SidecarSettings settings =
                SidecarSettings.parse(
                        List.of(
                                "--cluster",
                                "c1",
                                "--flink-rest-url",
                                "http://127.0.0.1:1",
                                "--s3-endpoint",
                                "http://127.0.0.1:1",
                                "--s3-access-key",
                                "k"),
                        Map.of(
                                "FLOTILLA_SIDECAR_TOKEN",
                                TOKEN,
                                "FLOTILLA_SIDECAR_S3_SECRET_KEY",
                                "s"));
        try (Sidecar sidecar = Sidecar.start(settings)) {
            HttpResponse<String> served =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(
                                                    sidecar.uri()
                                                            .resolve(
                                                                    URI.create("/v1/openapi.json")))
                                            .header("Authorization", "Bearer " + TOKEN)
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            OpenApiCheck.check(served.body(), sidecar.api());
        }
    }
}
