package io.flotilla.supervisor;

import static io.flotilla.supervisor.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.Phase;
import io.flotilla.supervisor.port.SubmitCommand;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Actions on several deployments at once, within the limits, never two on one deployment. */
class ConcurrentActionsTest {

    private final TestingPlatform platform = new TestingPlatform("c1", "c2", "c3");

    private void deploy(int n) {
        for (int i = 0; i < n; i++) {
            platform.deploy(spec("d" + i, "c" + (i % 3 + 1)));
        }
    }

    @Test
    void actionsRunInParallelUpToTheLimitPerClusterAndNeverTwoOnOneDeployment() {
        platform.limits = ActionLimits.defaults().withParallelism(32, 2);
        platform.restartSupervisor();
        platform.clusters.holdUntilInFlight = 6; // 3 clusters x 2
        deploy(30);

        platform.tick();

        assertThat(platform.clusters.maxInFlight).isEqualTo(6);
        assertThat(platform.clusters.maxInFlightByCluster.values()).containsOnly(2);
        assertThat(platform.clusters.overlapsOnOneDeployment).isZero();
        assertThat(platform.clusters.created()).hasSize(30);
        assertThat(platform.clusters.created().stream().map(SubmitCommand::jobId))
                .doesNotHaveDuplicates();
    }

    @Test
    void actionsOverAllClustersStayWithinTheOverallLimit() {
        platform.limits = ActionLimits.defaults().withParallelism(4, 3);
        platform.restartSupervisor();
        platform.clusters.holdUntilInFlight = 4;
        deploy(30);

        platform.tick();

        assertThat(platform.clusters.maxInFlight).isEqualTo(4);
        assertThat(platform.clusters.maxInFlightByCluster.values())
                .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(3));
        assertThat(platform.clusters.created()).hasSize(30);
    }

    @Test
    void aReleaseOfEveryDeploymentAtOnceEndsWithOneJobEachFromItsOwnSavepoint() {
        platform.limits = ActionLimits.defaults().withParallelism(8, 3);
        platform.restartSupervisor();
        platform.clusters.callMillis = 2;
        deploy(24);
        platform.ticks(2);
        List<Deployment> before = platform.store.loadAll();
        before.forEach(d -> platform.store.updateSpec(d.name(), s -> Specs.version(s, "2")));

        platform.ticks(4);

        for (Deployment old : before) {
            Deployment now = platform.deployment(old.name());
            TestingCluster cluster = platform.cluster(old.spec().cluster());
            assertThat(now.status().phase()).isEqualTo(Phase.RUNNING);
            assertThat(platform.clusters.aliveJobsOf(old.name()))
                    .singleElement()
                    .satisfies(
                            j ->
                                    assertThat(j.command.restorePath())
                                            .isEqualTo(
                                                    cluster.job(old.status().jobId())
                                                            .lastSavepointPath));
        }
        assertThat(platform.clusters.overlapsOnOneDeployment).isZero();
    }

    @Test
    void statusChangesWithoutSideEffectsAreSavedInOneBatchPerTick() {
        platform.limits = ActionLimits.defaults().withParallelism(8, 3);
        platform.restartSupervisor();
        platform.clusters.all().forEach(c -> c.startsAs = "INITIALIZING");
        deploy(30);
        platform.tick();
        platform.clusters.all().forEach(c -> c.aliveJobs().forEach(j -> j.status = "RUNNING"));
        int saves = platform.store.saves;
        int batches = platform.store.batches;

        platform.tick();

        assertThat(platform.store.batches).isEqualTo(batches + 1);
        assertThat(platform.store.saves).isEqualTo(saves + 30);
        assertThat(platform.store.loadAll())
                .allSatisfy(d -> assertThat(d.status().phase()).isEqualTo(Phase.RUNNING));
    }

    @Test
    void aSupervisorCrashingAtAnySaveOfAConcurrentReleaseLeavesOneJobEachAndNoJobIdTwice() {
        for (int crashAt = 1; ; crashAt++) {
            TestingPlatform p = new TestingPlatform("c1", "c2");
            p.limits = ActionLimits.defaults().withParallelism(4, 2);
            p.restartSupervisor();
            for (int i = 0; i < 6; i++) {
                p.deploy(spec("d" + i, "c" + (i % 2 + 1)));
            }
            p.ticks(2);
            List<Deployment> before = p.store.loadAll();
            before.forEach(d -> p.store.updateSpec(d.name(), s -> Specs.version(s, "2")));
            p.store.crashAtSave(crashAt);
            boolean crashed = false;
            try {
                p.tick();
                p.followUp();
                p.followUp();
                p.followUp();
            } catch (SimulatedCrash expected) {
                crashed = true;
            }
            p.store.disarmCrash();
            p.restartSupervisor();
            p.ticks(6);

            Set<String> jobIds = new HashSet<>();
            for (SubmitCommand c : p.clusters.created()) {
                assertThat(jobIds.add(c.jobId()))
                        .as("JobID %s submitted once (crash at save %d)", c.jobId(), crashAt)
                        .isTrue();
            }
            for (Deployment old : before) {
                TestingCluster cluster = p.cluster(old.spec().cluster());
                assertThat(p.clusters.aliveJobsOf(old.name()))
                        .as("jobs of %s after a crash at save %d", old.name(), crashAt)
                        .singleElement()
                        .satisfies(
                                j -> {
                                    assertThat(j.command.artifactUri())
                                            .isEqualTo(Specs.artifact(old.name(), "2"));
                                    assertThat(j.command.restorePath())
                                            .isEqualTo(
                                                    cluster.job(old.status().jobId())
                                                            .lastSavepointPath);
                                });
                assertThat(p.deployment(old.name()).status().intent()).isNull();
            }
            if (!crashed) {
                assertThat(crashAt).as("saves crashed at").isGreaterThan(6);
                return;
            }
        }
    }

    @Test
    void aSupervisorCrashingAroundASubmitAmongConcurrentOnesSubmitsEachJobIdOnce() {
        for (boolean after : new boolean[] {false, true}) {
            TestingPlatform p = new TestingPlatform("c1", "c2");
            p.limits = ActionLimits.defaults().withParallelism(4, 2);
            p.restartSupervisor();
            for (int i = 0; i < 8; i++) {
                p.deploy(spec("d" + i, "c" + (i % 2 + 1)));
            }
            p.cluster("c1").crashBeforeNextSubmit = !after;
            p.cluster("c1").crashAfterNextSubmit = after;

            p.tickAndCrash();
            p.restartSupervisor();
            p.ticks(4);

            Set<String> jobIds = new HashSet<>();
            p.clusters.created().forEach(c -> assertThat(jobIds.add(c.jobId())).isTrue());
            for (int i = 0; i < 8; i++) {
                assertThat(p.clusters.aliveJobsOf("d" + i)).hasSize(1);
                assertThat(p.deployment("d" + i).status().phase()).isEqualTo(Phase.RUNNING);
            }
        }
    }
}
