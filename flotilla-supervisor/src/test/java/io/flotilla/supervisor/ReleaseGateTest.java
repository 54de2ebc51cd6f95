package io.flotilla.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.DeploymentSpec;
import io.flotilla.supervisor.model.Event;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The state-compatibility gate of releases: plans compared before anything is stopped. */
class ReleaseGateTest extends SupervisorApiFixture {

    private static final String COUNTS = "{\\\"operators\\\": [\\\"count by name\\\"]}";
    private static final String RENAMED = "{\\\"operators\\\": [\\\"count by title\\\"]}";

    /** Version 1 created, "running" (as if reconciled), with its lineage and plan stored. */
    private void runningVersionOneWithItsPlan() throws Exception {
        call(ADMIN, "POST", "/v1/deployments", orders("orders"));
        Deployment d = store.deployment("orders").orElseThrow();
        rows.save(d.withLastReconciledSpec(d.spec()), 1);
        assertThat(
                        call(
                                        OPERATOR,
                                        "PUT",
                                        "/v1/deployments/orders/lineage/1",
                                        "{\"job\": \"orders\", \"reads\": [], \"writes\": [],"
                                                + " \"plan\": \""
                                                + COUNTS
                                                + "\"}")
                                .status())
                .isEqualTo(200);
    }

    private static String release(String version, String plan, Boolean allowStateLoss) {
        return "{\"version\": \""
                + version
                + "\", \"artifactUri\": \"s3://flotilla-artifacts/orders/"
                + version
                + ".jar\", \"artifactSha256\": \""
                + version.repeat(64)
                + "\""
                + (plan == null
                        ? ""
                        : ", \"lineage\": {\"job\": \"orders\", \"reads\": [], \"writes\": [],"
                                + " \"plan\": \""
                                + plan
                                + "\"}")
                + (allowStateLoss == null ? "" : ", \"allowStateLoss\": " + allowStateLoss)
                + "}";
    }

    @Test
    void aReleaseThatWouldLoseStateIsRefusedWithTheReportAndChangesNothing() throws Exception {
        runningVersionOneWithItsPlan();
        int events = rows.events.size();

        Answer refused =
                call(
                        OPERATOR,
                        "POST",
                        "/v1/deployments/orders/releases",
                        release("2", RENAMED, null));

        assertBad(refused, 409, "state_loss", "lineage.plan");
        assertThat(refused.body().path("error").path("message").asText())
                .contains("count by name", "allowStateLoss");
        assertThat(refused.body().at("/detail/runningVersion").asText()).isEqualTo("1");
        assertThat(refused.body().at("/detail/losses/0/operator").asText())
                .isEqualTo("count by name");
        DeploymentSpec spec = store.deployment("orders").orElseThrow().spec();
        assertThat(spec.version()).isEqualTo("1");
        assertThat(spec.generation()).isEqualTo(1);
        assertThat(store.lineage("orders", "2")).isEmpty();
        assertThat(rows.events).hasSize(events);
    }

    @Test
    void allowingStateLossReleasesWithAllowNonRestoredStateAndTheEventSaysWhatIsDropped()
            throws Exception {
        runningVersionOneWithItsPlan();

        Answer released =
                call(
                        OPERATOR,
                        "POST",
                        "/v1/deployments/orders/releases",
                        release("2", RENAMED, true));

        assertThat(released.status()).as(released.body().toString()).isEqualTo(202);
        DeploymentSpec spec = store.deployment("orders").orElseThrow().spec();
        assertThat(spec.version()).isEqualTo("2");
        assertThat(spec.allowNonRestoredState()).isTrue();
        assertThat(released.body().at("/spec/allowNonRestoredState").asBoolean()).isTrue();
        assertThat(eventsOf("ReleaseRequested"))
                .singleElement()
                .asString()
                .contains("state loss allowed (allowNonRestoredState): count by name");
    }

    @Test
    void aCompatibleReleaseStoresItsPlanAndTheNextReleaseIsComparedWithIt() throws Exception {
        runningVersionOneWithItsPlan();

        Answer released =
                call(
                        OPERATOR,
                        "POST",
                        "/v1/deployments/orders/releases",
                        release("2", COUNTS, null));

        assertThat(released.status()).as(released.body().toString()).isEqualTo(202);
        assertThat(store.deployment("orders").orElseThrow().spec().allowNonRestoredState())
                .isFalse();
        assertThat(store.lineage("orders", "2").orElseThrow()).contains("count by name");
        assertThat(eventsOf("ReleaseRequested"))
                .singleElement()
                .asString()
                .contains("state compatible with version 1");
        assertThat(eventsOf("LineageStored")).last().asString().contains("stored by its release");

        // Version 2 now runs: version 3 is compared with the plan version 2's release stored.
        Deployment d = store.deployment("orders").orElseThrow();
        rows.save(d.withLastReconciledSpec(d.spec()), 1);
        assertBad(
                call(
                        OPERATOR,
                        "POST",
                        "/v1/deployments/orders/releases",
                        release("3", RENAMED, null)),
                409,
                "state_loss",
                "lineage.plan");
    }

    @Test
    void aReleaseWithoutAPlanOrOfAStatelessUpgradeIsNotCheckedAndSaysSo() throws Exception {
        runningVersionOneWithItsPlan();

        call(OPERATOR, "POST", "/v1/deployments/orders/releases", release("2", null, null));

        assertThat(eventsOf("ReleaseRequested"))
                .singleElement()
                .asString()
                .contains("state compatibility not checked: the release brings no plan");
    }

    @Test
    void aPlanThatIsNoPlanIsRefusedNamingTheField() throws Exception {
        runningVersionOneWithItsPlan();

        assertBad(
                call(OPERATOR, "POST", "/v1/deployments/orders/releases", release("2", "[]", null)),
                400,
                "invalid_field",
                "lineage.plan");
        assertBad(
                call(
                        OPERATOR,
                        "POST",
                        "/v1/deployments/orders/releases",
                        release("2", "{\\\"x\\\": 1}", null)),
                400,
                "invalid_field",
                "lineage.plan");
    }

    private List<String> eventsOf(String type) {
        return rows.events.stream().filter(e -> e.type().equals(type)).map(Event::message).toList();
    }
}
