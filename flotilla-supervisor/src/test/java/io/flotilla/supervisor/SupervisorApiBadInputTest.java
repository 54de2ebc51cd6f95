package io.flotilla.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The API on bad input and a failing store: a clear 4xx or a bare 500, and nothing half-applied.
 */
class SupervisorApiBadInputTest extends SupervisorApiFixture {
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
