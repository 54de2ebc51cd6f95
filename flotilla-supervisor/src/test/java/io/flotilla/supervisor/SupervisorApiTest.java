package io.flotilla.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.supervisor.model.Event;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The API's roles, lifecycle changes, events, lineage, deletion and lost clusters. */
class SupervisorApiTest extends SupervisorApiFixture {
    @Test
    void adminCreatesADeploymentAtGenerationOneAndTheAuditLogNamesWho() throws Exception {
        Answer created = call(ADMIN, "POST", "/v1/deployments", orders("orders"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("generation").asLong()).isEqualTo(1);
        assertThat(created.body().get("phase").asText()).isEqualTo("PENDING");
        assertThat(Instant.parse(created.body().get("createdAt").asText()))
                .isEqualTo(Instant.parse(created.body().get("updatedAt").asText()));
        assertThat(store.deployment("orders").orElseThrow().spec().retention().keepSavepoints())
                .isEqualTo(5);
        Answer events = call(VIEWER, "GET", "/v1/events?deployment=orders", null);
        assertThat(events.body().get("events").get(0).get("who").asText()).isEqualTo("root");
        assertThat(events.body().get("events").get(0).get("type").asText()).isEqualTo("Created");
    }

    @Test
    void aFlinkVersionRangeIsStoredAsWrittenShownInTheSpecAndAStarRemovesIt() throws Exception {
        String body =
                orders("orders")
                        .replace(
                                "\"cluster\":", "\"flinkVersion\": \" >=2.0  <2.3\", \"cluster\":");
        Answer created = call(ADMIN, "POST", "/v1/deployments", body);

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().get("spec").get("flinkVersion").asText()).isEqualTo(">=2.0 <2.3");
        assertThat(store.deployment("orders").orElseThrow().spec().flinkVersion())
                .isEqualTo(">=2.0 <2.3");
        Answer kept =
                call(
                        OPERATOR,
                        "PUT",
                        "/v1/deployments/orders",
                        "{\"expectedGeneration\": 1, \"version\": \"2\"}");
        assertThat(kept.body().get("spec").get("flinkVersion").asText()).isEqualTo(">=2.0 <2.3");
        Answer any =
                call(
                        OPERATOR,
                        "PUT",
                        "/v1/deployments/orders",
                        "{\"expectedGeneration\": 2, \"flinkVersion\": \"*\"}");
        assertThat(any.status()).as(any.body().toString()).isEqualTo(200);
        assertThat(any.body().get("spec").get("flinkVersion").isNull()).isTrue();
        Answer bad =
                call(
                        OPERATOR,
                        "PUT",
                        "/v1/deployments/orders",
                        "{\"expectedGeneration\": 3, \"flinkVersion\": \"2.2+\"}");
        assertBad(bad, 400, "invalid_field", "flinkVersion");
        assertThat(bad.body().path("error").path("message").asText())
                .startsWith("field 'flinkVersion' must be a Flink version range")
                .contains("e.g. \">=2.0 <2.3\"", "'2.2+' is no comparison");
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
                                        "{\"job\": \"orders\", \"reads\": [{\"name\": \"orders\", \"connector\": \"kafka\", \"location\": \"orders\", \"format\": \"json\", \"owner\": \"team-orders\", \"declaredBy\": \"io.flotilla.examples.orders.dsl.OrdersTable\"}], \"writes\": [{\"name\": \"order_stats\"}]}")
                                .status())
                .isEqualTo(200);

        Answer got = call(VIEWER, "GET", "/v1/deployments/orders/lineage/1", null);
        assertThat(got.body().at("/reads/0/connector").asText()).isEqualTo("kafka");
        assertThat(got.body().at("/writes/0/name").asText()).isEqualTo("order_stats");
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
}
