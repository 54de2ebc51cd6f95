package io.flotilla.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.local.CounterJobJar.Variant;
import io.flotilla.supervisor.api.DeploymentRequest;
import io.flotilla.supervisor.api.DeploymentView;
import io.flotilla.supervisor.api.EventView;
import io.flotilla.supervisor.api.Phase;
import io.flotilla.supervisor.api.ReleaseRequest;
import io.flotilla.supervisor.api.ReleaseStatus;
import io.flotilla.supervisor.api.ReleaseView;
import io.flotilla.supervisor.api.RetentionRequest;
import io.flotilla.supervisor.api.StartFromSavepointRequest;
import io.flotilla.supervisor.api.SupervisorClient;
import io.flotilla.supervisor.api.UpgradeMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Releases on real Flink: a new version that cannot start (bad entry class, a main method that
 * throws, state its savepoint cannot map) rolls back to the previous version from the same
 * savepoint; a failing STATELESS release rolls back too; LAST_STATE and STATELESS upgrades and a
 * start from a chosen savepoint run. All deployments go at once, on one cluster.
 */
class RollbackITCase {

    static LocalPlatform platform;
    static LocalSupervisor supervisor;
    static SupervisorClient api;
    static Map<Variant, Artifacts.Published> v2 = new java.util.EnumMap<>(Variant.class);
    static Artifacts.Published v1;

    @BeforeAll
    static void start() {
        Path home = TestingPlatforms.freshHome("rollback");
        platform = TestingPlatforms.start(home, 1, "--slots", "8");
        supervisor = LocalSupervisor.start(platform, List.of());
        api = supervisor.client();
        try (software.amazon.awssdk.services.s3.S3Client s3 = platform.s3().client()) {
            Path build = home.resolve("build");
            v1 = Artifacts.publish(s3, CounterJobJar.build(build, 5), "jobs/counter");
            for (Variant v : Variant.values()) {
                v2.put(v, Artifacts.publish(s3, CounterJobJar.build(build, 7, v), "jobs/counter"));
            }
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

    static DeploymentRequest counter(String name, UpgradeMode upgradeMode) {
        return DeploymentRequest.create(
                        name,
                        "team-counter",
                        "jobs/counter",
                        "1",
                        v1.uri(),
                        v1.sha256(),
                        CounterJobJar.MAIN_CLASS,
                        List.of(),
                        "cluster-1")
                .withParallelism(1)
                .withUpgradeMode(upgradeMode)
                .withRetention(new RetentionRequest(4, "3d"));
    }

    static void release(String name, Variant variant) {
        Artifacts.Published jar = v2.get(variant);
        api.release(name, new ReleaseRequest("2", jar.uri(), jar.sha256(), null, null));
    }

    @Test
    void failedReleasesRollBackFromTheSameSavepointAndGoodOnesRunInEveryMode() {
        List<String> names =
                List.of(
                        "bad-entry",
                        "throws",
                        "renamed",
                        "stateless-fails",
                        "last-state",
                        "stateless",
                        "chosen");
        for (String name : names) {
            UpgradeMode mode =
                    name.startsWith("stateless")
                            ? UpgradeMode.STATELESS
                            : name.equals("last-state")
                                    ? UpgradeMode.LAST_STATE
                                    : UpgradeMode.SAVEPOINT;
            api.create(counter(name, mode));
        }
        for (String name : names) {
            until(
                    name,
                    "RUNNING with a checkpoint",
                    d -> d.phase() == Phase.RUNNING && d.status().lastCheckpoint() != null);
        }

        // A new version with an entry class its jar lacks: Flink cannot run it.
        DeploymentView badEntry = api.deployment("bad-entry");
        api.update(
                "bad-entry",
                DeploymentRequest.change(badEntry.generation())
                        .withVersion("2")
                        .withEntryClass("com.example.counter.NoSuchJob"));
        release("throws", Variant.THROWS_AT_START);
        release("renamed", Variant.RENAMED_STATE);
        release("stateless-fails", Variant.THROWS_AT_START);
        release("last-state", Variant.SOUND);
        release("stateless", Variant.SOUND);

        for (String name : List.of("bad-entry", "throws", "renamed")) {
            DeploymentView back = rolledBack(name);
            String savepoint = back.status().lastSavepoint();
            assertThat(savepoint).as(name).contains("savepoint");
            assertThat(api.runs(name).current().restoredFrom())
                    .as(name + " restarted from the release's savepoint")
                    .isEqualTo(savepoint);
            assertThat(releases(name)).as(name).contains(ReleaseStatus.ROLLED_BACK);
        }
        assertThat(events("renamed", "StartRollback")).as("renamed").isNotEmpty();

        DeploymentView statelessBack = rolledBack("stateless-fails");
        assertThat(api.runs("stateless-fails").current().restoredFrom())
                .as("the previous version starts from the state it left")
                .isNotNull();

        DeploymentView lastState = upgraded("last-state");
        assertThat(api.runs("last-state").current().restoredFrom())
                .as("LAST_STATE restores the newest checkpoint")
                .contains("chk-");
        DeploymentView stateless = upgraded("stateless");
        assertThat(api.runs("stateless").current().restoredFrom())
                .as("STATELESS starts empty")
                .isNull();
        assertThat(statelessBack.status().rolledBackGeneration()).isEqualTo(2);
        assertThat(lastState.status().rolledBackGeneration()).isZero();
        assertThat(stateless.status().rolledBackGeneration()).isZero();

        // Start from a chosen savepoint: stop with one, then start from it by name.
        api.stop("chosen", null);
        String savepoint =
                until("chosen", "STOPPED", d -> d.phase() == Phase.STOPPED)
                        .status()
                        .lastSavepoint();
        assertThat(savepoint).contains("savepoint");
        api.startFromSavepoint("chosen", new StartFromSavepointRequest(savepoint, null));
        until(
                "chosen",
                "RUNNING from the chosen savepoint",
                d -> d.phase() == Phase.RUNNING && d.status().jobId() != null);
        assertThat(api.runs("chosen").current().restoredFrom()).isEqualTo(savepoint);
    }

    private static DeploymentView rolledBack(String name) {
        return until(
                name,
                "rolled back to version 1 and RUNNING",
                d ->
                        d.status().rolledBackGeneration() > 0
                                && d.phase() == Phase.RUNNING
                                && d.status().release() == null
                                && d.lastReconciledSpec() != null
                                && "1".equals(d.lastReconciledSpec().version()));
    }

    private static DeploymentView upgraded(String name) {
        return until(
                name,
                "version 2 RUNNING with its release done",
                d ->
                        d.phase() == Phase.RUNNING
                                && d.status().release() == null
                                && d.lastReconciledSpec() != null
                                && "2".equals(d.lastReconciledSpec().version()));
    }

    private static List<ReleaseStatus> releases(String name) {
        return api.releases(name).releases().stream().map(ReleaseView::status).toList();
    }

    private static List<String> events(String name, String type) {
        return api.events(name, 0, 1000).events().stream()
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
