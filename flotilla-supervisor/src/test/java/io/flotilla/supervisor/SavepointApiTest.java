package io.flotilla.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.supervisor.model.AuditEntry;
import io.flotilla.supervisor.model.Phase;
import org.junit.jupiter.api.Test;

/** Savepoints on request through the API, on fakes: taken of the running job, followed, audited. */
class SavepointApiTest extends SupervisorApiFixture {

    private static final String JOB = "0123456789abcdef0123456789abcdef";

    private void running() throws Exception {
        call(ADMIN, "POST", "/v1/deployments", orders("orders"));
        rows.rows.put(
                "orders", rows.get("orders").withStatus(b -> b.jobId(JOB).phase(Phase.RUNNING)));
    }

    @Test
    void anOperatorTakesASavepointOfTheRunningJobAndFollowsItToItsLocation() throws Exception {
        running();
        Answer taken = call(OPERATOR, "POST", "/v1/deployments/orders/savepoints", null);
        assertThat(taken.status()).as(taken.body().toString()).isEqualTo(202);
        assertThat(taken.body().get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(taken.body().get("jobId").asText()).isEqualTo(JOB);
        assertThat(taken.body().get("cluster").asText()).isEqualTo("cluster-1");
        assertThat(savepoints.triggered).containsExactly("cluster-1/" + JOB);
        String op = taken.body().get("operationId").asText();

        String path = "/v1/deployments/orders/savepoints/" + op;
        assertThat(call(VIEWER, "GET", path, null).body().get("status").asText())
                .isEqualTo("IN_PROGRESS");
        Answer done = call(VIEWER, "GET", path, null);
        assertThat(done.body().get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.body().get("location").asText())
                .isEqualTo("s3://flotilla-state/cluster-1/savepoints/" + JOB + "/savepoint-x");
        assertThat(store.events("orders", 0, 100))
                .extracting(AuditEntry::event)
                .anySatisfy(
                        e -> {
                            assertThat(e.type()).isEqualTo("SavepointRequested");
                            assertThat(e.who()).isEqualTo("ci");
                            assertThat(e.message()).contains(JOB, op);
                        });
    }

    @Test
    void aDeploymentWithoutARunningJobIsRefusedSayingWhatToDo() throws Exception {
        call(ADMIN, "POST", "/v1/deployments", orders("orders"));
        Answer a = call(OPERATOR, "POST", "/v1/deployments/orders/savepoints", null);
        assertBad(a, 409, "not_running", "name");
        assertThat(a.body().path("error").path("message").asText()).contains("start it first");
        assertThat(savepoints.triggered).isEmpty();
    }

    @Test
    void aViewerMayNotTakeOneAndAnUnreachableOrRefusingClusterIsSaidSo() throws Exception {
        running();
        assertThat(call(VIEWER, "POST", "/v1/deployments/orders/savepoints", null).status())
                .isEqualTo(403);
        savepoints.unreachable = true;
        Answer down = call(OPERATOR, "POST", "/v1/deployments/orders/savepoints", null);
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.code()).isEqualTo("cluster_unreachable");
        savepoints.unreachable = false;
        savepoints.refusal = "job is not running";
        assertBad(
                call(OPERATOR, "POST", "/v1/deployments/orders/savepoints", null),
                409,
                "savepoint_refused",
                "name");
        assertBad(
                call(VIEWER, "GET", "/v1/deployments/orders/savepoints/savepoint.x.1", null),
                404,
                "no_such_operation",
                "operationId");
        assertThat(savepoints.triggered).isEmpty();
    }
}
