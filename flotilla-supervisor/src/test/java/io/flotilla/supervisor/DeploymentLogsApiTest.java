package io.flotilla.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.supervisor.port.ClusterLogs;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A deployment's logs and exceptions through the API, read from its cluster on fakes. */
class DeploymentLogsApiTest extends SupervisorApiFixture {

    private static final String JOB = "0123456789abcdef0123456789abcdef";

    private void running() throws Exception {
        call(ADMIN, "POST", "/v1/deployments", orders("orders"));
        rows.rows.put("orders", rows.get("orders").withStatus(b -> b.jobId(JOB)));
        IntStream.range(0, 10)
                .forEach(
                        i ->
                                logs.lines.add(
                                        i % 2 == 0 ? "job " + JOB + " line " + i : "other " + i));
    }

    @Test
    void aViewerReadsTheNewestLinesNamingTheDeploymentsJobOnItsCluster() throws Exception {
        running();
        Answer page = call(VIEWER, "GET", "/v1/deployments/orders/logs?limit=2", null);
        assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
        assertThat(page.body().get("deployment").asText()).isEqualTo("orders");
        assertThat(page.body().get("cluster").asText()).isEqualTo("cluster-1");
        assertThat(page.body().get("source").asText()).isEqualTo("JOBMANAGER");
        assertThat(page.body().get("jobId").asText()).isEqualTo(JOB);
        assertThat(page.body().get("lines"))
                .extracting(l -> l.asText())
                .containsExactly("job " + JOB + " line 6", "job " + JOB + " line 8");
        assertThat(logs.queried).containsExactly("cluster-1");

        long previous = page.body().get("previous").asLong();
        Answer older =
                call(VIEWER, "GET", "/v1/deployments/orders/logs?limit=2&before=" + previous, null);
        assertThat(older.body().get("lines").get(0).asText()).endsWith("line 2");
    }

    @Test
    void aClustersFlinkIsAskedOfItsSidecarAndAnUnreachableOneIsAnAnswer() throws Exception {
        Answer up = call(VIEWER, "GET", "/v1/clusters/cluster-1/flink", null);
        assertThat(up.status()).as(up.body().toString()).isEqualTo(200);
        assertThat(up.body().get("reachable").asBoolean()).isTrue();
        assertThat(up.body().get("version").asText()).isEqualTo("2.0.0");
        assertThat(up.body().get("slotsAvailable").asInt()).isEqualTo(3);
        assertThat(up.body().get("webUrl").asText()).isEqualTo("http://flink.test:8081");
        logs.unreachable = true;
        Answer down = call(VIEWER, "GET", "/v1/clusters/cluster-1/flink", null);
        assertThat(down.status()).isEqualTo(200);
        assertThat(down.body().get("reachable").asBoolean()).isFalse();
        assertThat(down.body().get("error").asText()).contains("connection refused");
        assertThat(call(VIEWER, "GET", "/v1/clusters/cluster-9/flink", null).status())
                .isEqualTo(404);
    }

    @Test
    void allLinesAndATaskManagerLogAreAsked() throws Exception {
        running();
        Answer all = call(VIEWER, "GET", "/v1/deployments/orders/logs?all=true&limit=1000", null);
        assertThat(all.body().get("lines")).hasSize(10);
        assertThat(logs.lastQuery.jobId()).isNull();

        Answer tm =
                call(
                        VIEWER,
                        "GET",
                        "/v1/deployments/orders/logs?source=taskmanager&taskManager=tm-2&file=x.log&offset=0",
                        null);
        assertThat(tm.status()).isEqualTo(200);
        assertThat(logs.lastQuery.source()).isEqualTo(ClusterLogs.LogSource.TASKMANAGER);
        assertThat(logs.lastQuery.taskManager()).isEqualTo("tm-2");
        assertThat(logs.lastQuery.file()).isEqualTo("x.log");
        assertThat(tm.body().get("taskManagers")).hasSize(2);
    }

    @Test
    void badParametersAreRefusedNamingTheFieldWithoutAskingTheCluster() throws Exception {
        running();
        assertBad(
                call(VIEWER, "GET", "/v1/deployments/orders/logs?source=sql", null),
                400,
                "invalid_field",
                "source");
        assertBad(
                call(VIEWER, "GET", "/v1/deployments/orders/logs?limit=0", null),
                400,
                "invalid_field",
                "limit");
        assertBad(
                call(VIEWER, "GET", "/v1/deployments/orders/logs?limit=5000", null),
                400,
                "invalid_field",
                "limit");
        assertBad(
                call(VIEWER, "GET", "/v1/deployments/orders/logs?offset=-3", null),
                400,
                "invalid_field",
                "offset");
        assertBad(
                call(VIEWER, "GET", "/v1/deployments/orders/logs?before=x", null),
                400,
                "invalid_field",
                "before");
        assertBad(
                call(VIEWER, "GET", "/v1/deployments/orders/logs?all=yes", null),
                400,
                "invalid_field",
                "all");
        assertBad(
                call(VIEWER, "GET", "/v1/deployments/orders/logs?taskManager=tm-1", null),
                400,
                "invalid_field",
                "taskManager");
        assertBad(
                call(VIEWER, "GET", "/v1/deployments/nope/logs", null),
                404,
                "no_such_deployment",
                "name");
        assertThat(logs.queried).isEmpty();
        assertThat(call(null, "GET", "/v1/deployments/orders/logs", null).status()).isEqualTo(401);
    }

    @Test
    void aDeploymentWithoutAJobHasNoLinesOfItsOwnButTheWholeLogCanBeRead() throws Exception {
        call(ADMIN, "POST", "/v1/deployments", orders("orders"));
        assertBad(call(VIEWER, "GET", "/v1/deployments/orders/logs", null), 409, "no_job", "all");
        assertThat(call(VIEWER, "GET", "/v1/deployments/orders/logs?all=true", null).status())
                .isEqualTo(200);
        assertThat(call(VIEWER, "GET", "/v1/deployments/orders/exceptions", null).status())
                .isEqualTo(409);
    }

    @Test
    void theClustersRefusalsKeepTheirFieldAndAnUnreachableClusterIs503() throws Exception {
        running();
        logs.refusal =
                new ClusterLogs.RefusedException(
                        400, "invalid_field", "offset", "offset 99 is beyond the end of the log");
        assertBad(
                call(VIEWER, "GET", "/v1/deployments/orders/logs?offset=99", null),
                400,
                "invalid_field",
                "offset");
        logs.refusal = null;
        logs.unreachable = true;
        Answer down = call(VIEWER, "GET", "/v1/deployments/orders/logs", null);
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.code()).isEqualTo("cluster_unreachable");
        assertThat(call(VIEWER, "GET", "/v1/deployments/orders/exceptions", null).status())
                .isEqualTo(503);
    }

    @Test
    void exceptionsShowTheCurrentJobsRootCause() throws Exception {
        running();
        logs.fail("java.lang.IllegalStateException: first");
        logs.fail("java.lang.NumberFormatException: For input string: \"x\"");
        Answer ex = call(VIEWER, "GET", "/v1/deployments/orders/exceptions", null);
        assertThat(ex.status()).isEqualTo(200);
        assertThat(ex.body().get("jobId").asText()).isEqualTo(JOB);
        assertThat(ex.body().get("cluster").asText()).isEqualTo("cluster-1");
        assertThat(ex.body().get("rootCause").get("cause").asText())
                .isEqualTo("java.lang.NumberFormatException: For input string: \"x\"");
        assertThat(ex.body().get("history")).hasSize(2);
    }
}
