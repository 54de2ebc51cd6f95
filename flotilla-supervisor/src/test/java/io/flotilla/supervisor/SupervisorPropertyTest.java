package io.flotilla.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.DesiredState;
import io.flotilla.supervisor.model.UpgradeMode;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Random histories of ticks and follow-ups, supervisor crashes at any save or around a submit,
 * cluster outages and restarts, failing jobs and savepoints, new versions, stops, starts and moves,
 * with actions on several deployments at once: no deployment ever has two alive jobs nor two calls
 * at once, and once the faults stop every deployment reaches its desired state.
 */
class SupervisorPropertyTest {

    private static final List<String> CLUSTERS = List.of("c1", "c2", "c3");
    private static final int DEPLOYMENTS = 6;

    sealed interface Step {}

    record Tick() implements Step {}

    /** The follow-ups due now, and a wake of one deployment, as a spec change through the API. */
    record FollowUp(int wake) implements Step {}

    record Advance(int seconds) implements Step {}

    record CrashAtSave(int n) implements Step {}

    record CrashAroundSubmit(int cluster, boolean afterSubmit) implements Step {}

    record Unreachable(int cluster, boolean unreachable) implements Step {}

    record RestartCluster(int cluster) implements Step {}

    record FailJob(int cluster, int index) implements Step {}

    record Checkpoint(int cluster) implements Step {}

    record SavepointFails(int cluster, boolean fails) implements Step {}

    record SubmitFails(int cluster, boolean fails) implements Step {}

    record NewVersion(int deployment, UpgradeMode mode) implements Step {}

    record SetDesired(int deployment, DesiredState state) implements Step {}

    record Move(int deployment, int cluster) implements Step {}

    @Property(tries = 300)
    void neverTwoAliveJobsAndEventuallyDesired(@ForAll("histories") List<Step> history) {
        TestingPlatform platform = new TestingPlatform(CLUSTERS.toArray(String[]::new));
        // Crash loops end in NEEDS_ATTENTION (StateSurvivalTest); here every fault heals.
        platform.config = TestingPlatform.CONFIG.withCrashLoop(1_000, Duration.ofMinutes(10));
        platform.limits = ActionLimits.defaults().withParallelism(4, 2);
        platform.restartSupervisor();
        for (int i = 0; i < DEPLOYMENTS; i++) {
            platform.deploy(Specs.spec("d" + i, CLUSTERS.get(i % CLUSTERS.size())));
        }
        for (Step step : history) {
            apply(platform, step);
            assertAtMostOneAliveJobEach(platform, step);
        }

        heal(platform);
        for (int round = 0; round < 40; round++) {
            platform.clusters.all().forEach(TestingCluster::checkpointAll);
            platform.tick();
            assertAtMostOneAliveJobEach(platform, "healing round " + round);
            platform.clock.advance(Duration.ofSeconds(61));
        }

        for (String type :
                List.of("Adopt", "RecordFailure", "SavepointCompleted", "StartRollback")) {
            // Shows in the report how often the histories reach each kind of recovery.
            Statistics.label(type)
                    .collect(platform.store.events.stream().anyMatch(e -> e.type().equals(type)));
        }
        for (Deployment d : platform.store.loadAll()) {
            int alive = platform.clusters.aliveJobsOf(d.name()).size();
            int expected = d.spec().desiredState() == DesiredState.RUNNING ? 1 : 0;
            assertThat(alive).as("alive jobs of %s, which is %s", d.name(), d).isEqualTo(expected);
            assertThat(d.status().intent()).as("intent of %s", d.name()).isNull();
        }
        assertThat(platform.clusters.overlapsOnOneDeployment)
                .as("calls at once on one deployment")
                .isZero();
    }

    private static void apply(TestingPlatform platform, Step step) {
        if (step instanceof Tick) {
            platform.tick();
        } else if (step instanceof FollowUp f) {
            if (f.wake() < DEPLOYMENTS) {
                platform.supervisor.wake("d" + f.wake());
            }
            platform.followUp();
        } else if (step instanceof Advance a) {
            platform.clock.advance(Duration.ofSeconds(a.seconds()));
        } else if (step instanceof CrashAtSave c) {
            platform.store.crashAtSave(c.n());
            tickSurvivingCrash(platform);
            platform.store.disarmCrash();
        } else if (step instanceof CrashAroundSubmit c) {
            TestingCluster cluster = cluster(platform, c.cluster());
            cluster.crashBeforeNextSubmit = !c.afterSubmit();
            cluster.crashAfterNextSubmit = c.afterSubmit();
            tickSurvivingCrash(platform);
            cluster.crashBeforeNextSubmit = false;
            cluster.crashAfterNextSubmit = false;
        } else if (step instanceof Unreachable u) {
            cluster(platform, u.cluster()).unreachable = u.unreachable();
        } else if (step instanceof RestartCluster r) {
            cluster(platform, r.cluster()).restart();
        } else if (step instanceof FailJob f) {
            List<TestingCluster.Job> alive = cluster(platform, f.cluster()).aliveJobs();
            if (!alive.isEmpty()) {
                alive.get(f.index() % alive.size()).status = "FAILED";
            }
        } else if (step instanceof Checkpoint c) {
            cluster(platform, c.cluster()).checkpointAll();
        } else if (step instanceof SavepointFails f) {
            cluster(platform, f.cluster()).savepointFails = f.fails();
        } else if (step instanceof SubmitFails f) {
            cluster(platform, f.cluster()).submitFails = f.fails();
        } else if (step instanceof NewVersion v) {
            platform.store.updateSpec(
                    "d" + v.deployment(),
                    s -> Specs.version(s, s.generation() + "").withUpgradeMode(v.mode()));
        } else if (step instanceof SetDesired d) {
            platform.store.updateSpec("d" + d.deployment(), x -> x.withDesiredState(d.state()));
        } else if (step instanceof Move m) {
            platform.store.updateSpec(
                    "d" + m.deployment(), s -> s.withCluster(CLUSTERS.get(m.cluster())));
        }
    }

    private static void tickSurvivingCrash(TestingPlatform platform) {
        try {
            platform.tick();
            platform.followUp();
        } catch (SimulatedCrash crash) {
            platform.restartSupervisor();
        }
    }

    private static void heal(TestingPlatform platform) {
        platform.store.disarmCrash();
        for (TestingCluster c : platform.clusters.all()) {
            c.unreachable = false;
            c.submitFails = false;
            c.savepointFails = false;
            c.crashBeforeNextSubmit = false;
            c.crashAfterNextSubmit = false;
        }
    }

    private static void assertAtMostOneAliveJobEach(TestingPlatform platform, Object after) {
        for (int i = 0; i < DEPLOYMENTS; i++) {
            assertThat(platform.clusters.aliveJobsOf("d" + i))
                    .as("alive jobs of d%d after %s", i, after)
                    .hasSizeLessThanOrEqualTo(1);
        }
    }

    private static TestingCluster cluster(TestingPlatform platform, int index) {
        return platform.cluster(CLUSTERS.get(index));
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Integer> cluster = Arbitraries.integers().between(0, CLUSTERS.size() - 1);
        Arbitrary<Integer> deployment = Arbitraries.integers().between(0, DEPLOYMENTS - 1);
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        Arbitrary<Step> step =
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(10, Arbitraries.just(new Tick())),
                        net.jqwik.api.Tuple.of(
                                5,
                                Arbitraries.integers()
                                        .between(0, 2 * DEPLOYMENTS)
                                        .map(FollowUp::new)),
                        net.jqwik.api.Tuple.of(
                                4, Arbitraries.integers().between(1, 400).map(Advance::new)),
                        net.jqwik.api.Tuple.of(
                                3, Arbitraries.integers().between(1, 4).map(CrashAtSave::new)),
                        net.jqwik.api.Tuple.of(
                                2, Combinators.combine(cluster, flag).as(CrashAroundSubmit::new)),
                        net.jqwik.api.Tuple.of(
                                2, Combinators.combine(cluster, flag).as(Unreachable::new)),
                        net.jqwik.api.Tuple.of(1, cluster.map(RestartCluster::new)),
                        net.jqwik.api.Tuple.of(
                                2,
                                Combinators.combine(cluster, Arbitraries.integers().between(0, 9))
                                        .as(FailJob::new)),
                        net.jqwik.api.Tuple.of(3, cluster.map(Checkpoint::new)),
                        net.jqwik.api.Tuple.of(
                                1, Combinators.combine(cluster, flag).as(SavepointFails::new)),
                        net.jqwik.api.Tuple.of(
                                1, Combinators.combine(cluster, flag).as(SubmitFails::new)),
                        net.jqwik.api.Tuple.of(
                                2,
                                Combinators.combine(deployment, Arbitraries.of(UpgradeMode.class))
                                        .as(NewVersion::new)),
                        net.jqwik.api.Tuple.of(
                                2,
                                Combinators.combine(deployment, Arbitraries.of(DesiredState.class))
                                        .as(SetDesired::new)),
                        net.jqwik.api.Tuple.of(
                                1, Combinators.combine(deployment, cluster).as(Move::new)));
        return step.list().ofMinSize(5).ofMaxSize(60);
    }
}
