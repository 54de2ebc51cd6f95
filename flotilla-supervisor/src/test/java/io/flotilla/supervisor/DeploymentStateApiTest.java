package io.flotilla.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.supervisor.model.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A deployment's stored checkpoints and savepoints through the API, listed by its JobIDs. */
class DeploymentStateApiTest extends SupervisorApiFixture {

    private static final String JOB = "0123456789abcdef0123456789abcdef";
    private static final String OLD = "fedcba9876543210fedcba9876543210";
    private static final String OTHER = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String ROOT = "s3://flotilla-state/cluster-1/";

    private final String checkpoint = ROOT + "checkpoints/" + JOB + "/chk-4";
    private final String savepoint = ROOT + "savepoints/" + OLD + "/savepoint-fedcba-1234567890ab";

    private void deployedTwice() throws Exception {
        call(ADMIN, "POST", "/v1/deployments", orders("orders"));
        rows.rows.put(
                "orders",
                rows.get("orders").withStatus(b -> b.jobId(JOB).lastCheckpoint(checkpoint)));
        rows.appendEvent(
                new Event(
                        "orders",
                        Instant.parse("2026-12-01T10:00:00Z"),
                        "Submitted",
                        "submitted " + OLD + " generation 1 on cluster-1 from empty state",
                        1));
        TestingCluster c = clusters.get("cluster-1");
        c.stored(savepoint, OLD, true);
        c.stored(checkpoint, JOB, false);
        c.stored(ROOT + "checkpoints/" + OTHER + "/chk-9", OTHER, false);
    }

    @Test
    void theStateOfEveryJobTheDeploymentRanIsListedWithSizesAndPinsButNoOtherJobs()
            throws Exception {
        deployedTwice();
        Answer a = call(VIEWER, "GET", "/v1/deployments/orders/state", null);
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        List<String> paths = new ArrayList<>();
        for (JsonNode s : a.body().get("stored")) {
            paths.add(s.get("path").asText());
            assertThat(s.get("size").asLong()).isEqualTo(1024);
            assertThat(s.get("cluster").asText()).isEqualTo("cluster-1");
            assertThat(s.get("complete").asBoolean()).isTrue();
        }
        assertThat(paths).as("newest first").containsExactly(checkpoint, savepoint);
        JsonNode first = a.body().get("stored").get(0);
        assertThat(first.get("kind").asText()).isEqualTo("CHECKPOINT");
        assertThat(first.get("jobId").asText()).isEqualTo(JOB);
        assertThat(first.get("pinned").asBoolean()).isTrue();
        assertThat(a.body().get("stored").get(1).get("kind").asText()).isEqualTo("SAVEPOINT");
        assertThat(a.body().get("stored").get(1).get("pinned").asBoolean()).isFalse();
        assertThat(a.body().get("unlisted")).isEmpty();
    }

    @Test
    void anUnreachableClusterIsNamedInsteadOfFailingThePage() throws Exception {
        deployedTwice();
        clusters.get("cluster-1").unreachable = true;
        Answer a = call(VIEWER, "GET", "/v1/deployments/orders/state", null);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().get("stored")).isEmpty();
        assertThat(a.body().get("unlisted").get(0).asText())
                .contains("cluster-1", "connection refused");
        assertThat(a.body().get("pinned").get(0).asText()).isEqualTo(checkpoint);
    }
}
