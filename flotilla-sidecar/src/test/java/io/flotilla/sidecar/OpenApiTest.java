package io.flotilla.sidecar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiTest {

    @Test
    void everyRouteIsDescribedAndEveryDescribedRouteExists() throws Exception {
        JsonNode doc =
                Json.MAPPER.readTree(
                        OpenApiTest.class.getResourceAsStream("/sidecar-openapi.json"));
        List<String> described = new ArrayList<>();
        doc.get("paths")
                .fields()
                .forEachRemaining(
                        p ->
                                p.getValue()
                                        .fieldNames()
                                        .forEachRemaining(
                                                m ->
                                                        described.add(
                                                                m.toUpperCase()
                                                                        + " "
                                                                        + p.getKey())));
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
                                "t".repeat(32),
                                "FLOTILLA_SIDECAR_S3_SECRET_KEY",
                                "s"));
        try (Sidecar sidecar = Sidecar.start(settings)) {
            assertThat(described).containsExactlyInAnyOrderElementsOf(sidecar.api().routes());
        }
    }
}
