package io.flotilla.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.flotilla.http.ApiCallException;
import io.flotilla.local.CounterJobJar.Variant;
import io.flotilla.supervisor.api.DeploymentRequest;
import io.flotilla.supervisor.api.DeploymentView;
import io.flotilla.supervisor.api.EventView;
import io.flotilla.supervisor.api.Lineage;
import io.flotilla.supervisor.api.Phase;
import io.flotilla.supervisor.api.ReleaseRequest;
import io.flotilla.supervisor.api.RetentionRequest;
import io.flotilla.supervisor.api.SupervisorClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The release gate with the DSL's real plan comparison in the supervisor: a release whose compiled
 * plan loses the running version's state is refused with the report and nothing changes; allowed to
 * lose it, the new version (whose counting state has another uid, so Flink alone refuses the
 * savepoint) starts from the savepoint with allowNonRestoredState.
 */
class ReleaseGateITCase {

    static LocalPlatform platform;
    static LocalSupervisor supervisor;
    static SupervisorClient api;
    static Artifacts.Published v1;
    static Artifacts.Published renamed;

    @BeforeAll
    static void start() {
        Path home = TestingPlatforms.freshHome("release-gate");
        platform = TestingPlatforms.start(home, 1, "--slots", "2");
        supervisor = LocalSupervisor.start(platform, List.of());
        api = supervisor.client();
        try (software.amazon.awssdk.services.s3.S3Client s3 = platform.s3().client()) {
            Path build = home.resolve("build");
            v1 = Artifacts.publish(s3, CounterJobJar.build(build, 5), "jobs/counter");
            renamed =
                    Artifacts.publish(
                            s3,
                            CounterJobJar.build(build, 7, Variant.RENAMED_STATE),
                            "jobs/counter");
        }
    }

    @AfterAll
    static void stop() {
        if (supervisor != null) {
            supervisor.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    static Lineage lineage(String planVersion) {
        return new Lineage(
                "counter", "jobs/counter", List.of(), List.of(), UpgradeJob.compile(planVersion));
    }

    @Test
    void aReleaseThatWouldLoseStateIsRefusedAndAllowedToLoseItStartsWithoutIt() {
        api.create(
                DeploymentRequest.create(
                                "gated",
                                "team-counter",
                                "jobs/counter",
                                "1",
                                v1.uri(),
                                v1.sha256(),
                                CounterJobJar.MAIN_CLASS,
                                List.of(),
                                "cluster-1")
                        .withParallelism(1)
                        .withRetention(new RetentionRequest(4, "3d")));
        until(
                "gated",
                "RUNNING with a checkpoint",
                d -> d.phase() == Phase.RUNNING && d.status().lastCheckpoint() != null);
        api.putLineage("gated", "1", lineage("v1"));

        // v3 counts per user and flag: the aggregate's state of v1 cannot be restored.
        ApiCallException refused =
                catchThrowableOfType(
                        ApiCallException.class,
                        () ->
                                api.release(
                                        "gated",
                                        new ReleaseRequest(
                                                "2",
                                                renamed.uri(),
                                                renamed.sha256(),
                                                null,
                                                null,
                                                lineage("v3"),
                                                null)));
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("state_loss");
        assertThat(refused.field()).isEqualTo("lineage.plan");
        assertThat(refused.getMessage()).contains("GroupAggregate", "allowStateLoss");
        assertThat(refused.detail().path("runningVersion").asText()).isEqualTo("1");
        assertThat(refused.detail().path("losses")).isNotEmpty();
        DeploymentView unchanged = api.deployment("gated");
        assertThat(unchanged.generation()).isEqualTo(1);
        assertThat(unchanged.spec().version()).isEqualTo("1");

        api.release(
                "gated",
                new ReleaseRequest(
                        "2", renamed.uri(), renamed.sha256(), null, null, lineage("v3"), true));
        DeploymentView released =
                until(
                        "gated",
                        "version 2 RUNNING with its release done",
                        d ->
                                d.phase() == Phase.RUNNING
                                        && d.status().release() == null
                                        && d.lastReconciledSpec() != null
                                        && "2".equals(d.lastReconciledSpec().version()));
        assertThat(released.status().rolledBackGeneration()).isZero();
        assertThat(released.spec().allowNonRestoredState()).isTrue();
        String savepoint = released.status().lastSavepoint();
        assertThat(savepoint).contains("savepoint");
        assertThat(api.runs("gated").current().restoredFrom()).isEqualTo(savepoint);
        assertThat(messages("ReleaseRequested")).last().asString().contains("state loss allowed");
        assertThat(messages("Submitted")).last().asString().contains("allowNonRestoredState");
        assertThat(api.lineage("gated", "2").plan()).startsWith("{").contains("nodes");
    }

    private static List<String> messages(String type) {
        return api.events("gated", 0, 1000).events().stream()
                .filter(e -> e.type().equals(type))
                .map(EventView::message)
                .toList();
    }

    private static DeploymentView until(
            String name, String what, Predicate<DeploymentView> condition) {
        return TestingSupervisors.awaitDeployment(
                api, name, what, Duration.ofSeconds(300), condition);
    }
}
