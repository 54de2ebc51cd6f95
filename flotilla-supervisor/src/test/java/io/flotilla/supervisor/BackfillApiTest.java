package io.flotilla.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.supervisor.model.AuditEntry;
import io.flotilla.supervisor.model.Backfill;
import org.junit.jupiter.api.Test;

/** Backfills through the API, on fakes: requested by an operator, checked, stored, listed. */
class BackfillApiTest extends SupervisorApiFixture {

    static final String RANGE =
            "\"from\": \"2025-12-31T22:00:00Z\", \"to\": \"2025-12-31T23:00:00Z\"";

    static String dslJob(String name) {
        return """
                {"name": "%s", "owner": "team-orders", "module": "examples/orders", "version": "1",
                 "artifactUri": "s3://flotilla-artifacts/orders/1.jar", "artifactSha256": "%s",
                 "entryClass": "io.flotilla.runner.Runner",
                 "args": ["--job", "classpath:jobs/orders.yaml", "--window-seconds", "5"],
                 "cluster": "cluster-1"}
                """
                .formatted(name, "0".repeat(64));
    }

    private Answer backfill(String token, String body) throws Exception {
        return call(token, "POST", "/v1/deployments/orders/backfills", body);
    }

    @Test
    void anOperatorStartsABackfillThatIsStoredRunningWithItsOwnJobIdAndAudited() throws Exception {
        call(ADMIN, "POST", "/v1/deployments", dslJob("orders"));
        call(
                OPERATOR,
                "PUT",
                "/v1/deployments/orders/lineage/1",
                "{\"reads\": [{\"name\": \"orders\", \"connector\": \"kafka\"}],"
                        + " \"writes\": [{\"name\": \"order_stats\", \"connector\": \"kafka\"}]}");
        Answer a = backfill(OPERATOR, "{" + RANGE + ", \"into\": \"order_stats_backfill\"}");
        assertThat(a.status()).as(a.body().toString()).isEqualTo(202);
        assertThat(a.body().get("status").asText()).isEqualTo("RUNNING");
        assertThat(a.body().get("requestedBy").asText()).isEqualTo("ci");
        assertThat(a.body().get("jobId").asText()).matches("[0-9a-f]{32}");
        assertThat(a.body().get("reads").get(0).asText()).isEqualTo("orders");
        assertThat(a.body().get("writes").get(0).asText()).isEqualTo("order_stats_backfill");
        Backfill stored = backfills.only();
        assertThat(stored.cluster()).isNull();
        assertThat(stored.submitted()).isFalse();

        long id = a.body().get("id").asLong();
        Answer one = call(VIEWER, "GET", "/v1/deployments/orders/backfills/" + id, null);
        assertThat(one.body().get("into").asText()).isEqualTo("order_stats_backfill");
        Answer list = call(VIEWER, "GET", "/v1/deployments/orders/backfills", null);
        assertThat(list.body().get("backfills")).hasSize(1);
        assertThat(store.events("orders", 0, 100))
                .extracting(AuditEntry::event)
                .anySatisfy(
                        e -> {
                            assertThat(e.type()).isEqualTo("BackfillRequested");
                            assertThat(e.who()).isEqualTo("ci");
                            assertThat(e.message()).contains("2025-12-31T22:00:00Z");
                        });
    }

    @Test
    void badRangesAndNamesAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        call(ADMIN, "POST", "/v1/deployments", dslJob("orders"));
        assertBad(
                backfill(OPERATOR, "{\"to\": \"2025-12-31T23:00:00Z\"}"),
                400,
                "invalid_field",
                "from");
        assertBad(
                backfill(OPERATOR, "{\"from\": \"2025-12-31T23:00:00Z\"}"),
                400,
                "invalid_field",
                "to");
        assertBad(
                backfill(
                        OPERATOR,
                        "{\"from\": \"2025-12-31T23:00:00Z\", \"to\": \"2025-12-31T22:00:00Z\"}"),
                400,
                "invalid_field",
                "to");
        Answer future =
                backfill(
                        OPERATOR,
                        "{\"from\": \"2025-12-31T23:00:00Z\", \"to\": \"2026-01-02T00:00:00Z\"}");
        assertBad(future, 400, "invalid_field", "to");
        assertThat(future.body().path("error").path("message").asText()).contains("future");
        assertBad(
                backfill(OPERATOR, "{" + RANGE + ", \"into\": \"a b\"}"),
                400,
                "invalid_field",
                "into");
        assertThat(backfill(VIEWER, "{" + RANGE + "}").status()).isEqualTo(403);
        assertThat(
                        call(OPERATOR, "POST", "/v1/deployments/nope/backfills", "{" + RANGE + "}")
                                .status())
                .isEqualTo(404);
        assertBad(
                call(VIEWER, "GET", "/v1/deployments/orders/backfills/7", null),
                404,
                "no_such_backfill",
                "id");
        assertThat(backfills.rows).isEmpty();
    }

    @Test
    void aPlainJarOrAJobWithASourceABatchCannotBoundIsRefused() throws Exception {
        call(ADMIN, "POST", "/v1/deployments", orders("orders"));
        Answer plain = backfill(OPERATOR, "{" + RANGE + "}");
        assertBad(plain, 400, "not_a_dsl_job", "name");
        assertThat(plain.body().path("error").path("message").asText()).contains("plain jar");

        call(ADMIN, "POST", "/v1/deployments", dslJob("files"));
        call(
                OPERATOR,
                "PUT",
                "/v1/deployments/files/lineage/1",
                "{\"reads\": [{\"name\": \"raw\", \"connector\": \"datagen\"}],"
                        + " \"writes\": [{\"name\": \"out\", \"connector\": \"print\"}]}");
        Answer unbounded =
                call(OPERATOR, "POST", "/v1/deployments/files/backfills", "{" + RANGE + "}");
        assertBad(unbounded, 400, "not_backfillable", "name");
        assertThat(unbounded.body().path("error").path("message").asText())
                .contains("'raw' (datagen)");
        assertThat(backfills.rows).isEmpty();
    }

    @Test
    void anOperatorCancelsARunningBackfillOnceItEndedItIsAConflictNamingTheStatus()
            throws Exception {
        call(ADMIN, "POST", "/v1/deployments", dslJob("orders"));
        long id = backfill(OPERATOR, "{" + RANGE + "}").body().get("id").asLong();
        String path = "/v1/deployments/orders/backfills/" + id;
        assertThat(call(VIEWER, "DELETE", path, null).status()).isEqualTo(403);
        assertThat(backfills.only().cancelRequestedBy()).isNull();

        Answer asked = call(OPERATOR, "DELETE", path, null);
        assertThat(asked.status()).as(asked.body().toString()).isEqualTo(202);
        assertThat(asked.body().get("status").asText()).isEqualTo("RUNNING");
        assertThat(asked.body().get("cancelRequestedBy").asText()).isEqualTo("ci");
        assertThat(backfills.only().cancelRequestedBy()).isEqualTo("ci");
        assertThat(store.events("orders", 0, 100))
                .extracting(AuditEntry::event)
                .anySatisfy(e -> assertThat(e.type()).isEqualTo("BackfillCancelRequested"));

        assertBad(
                call(OPERATOR, "DELETE", "/v1/deployments/orders/backfills/99", null),
                404,
                "no_such_backfill",
                "id");
        backfills.update(
                backfills.only().ended(Backfill.Status.FINISHED, backfills.only().started(), null),
                7);
        Answer ended = call(OPERATOR, "DELETE", path, null);
        assertBad(ended, 409, "backfill_ended", "id");
        assertThat(ended.body().path("error").path("message").asText())
                .contains("already ended FINISHED");
    }
}
