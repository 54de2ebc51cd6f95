package io.flotilla.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.http.Json;
import io.flotilla.http.Role;
import io.flotilla.http.TokenAuth;
import io.flotilla.supervisor.http.SupervisorApi;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SupervisorOpenApiTest {

    @Test
    void everyRouteIsDescribedWithItsRoleAndEveryDescribedRouteExists() throws Exception {
        JsonNode doc =
                Json.MAPPER.readTree(
                        SupervisorOpenApiTest.class.getResourceAsStream(
                                "/supervisor-openapi.json"));
        Map<String, Role> described = new LinkedHashMap<>();
        doc.get("paths")
                .fields()
                .forEachRemaining(
                        p ->
                                p.getValue()
                                        .fields()
                                        .forEachRemaining(
                                                m ->
                                                        described.put(
                                                                m.getKey().toUpperCase(Locale.ROOT)
                                                                        + " "
                                                                        + p.getKey(),
                                                                Role.parse(
                                                                        m.getValue()
                                                                                .get(
                                                                                        "x-flotilla-role")
                                                                                .asText()))));
        try (SupervisorApi api =
                new SupervisorApi(
                        new InetSocketAddress("127.0.0.1", 0),
                        new TokenAuth(Map.of("x", "x".repeat(32))),
                        new TestingControlStore(new TestingDeploymentStore()),
                        new TestingClock(),
                        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                        Map::of,
                        () -> {})) {
            assertThat(described).containsExactlyInAnyOrderEntriesOf(api.roles());
        }
    }
}
