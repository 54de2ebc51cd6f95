package io.flotilla.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.local.process.S3Store;
import io.flotilla.local.process.SupervisorProcess;
import io.flotilla.sidecar.client.SidecarClient;
import io.flotilla.sidecar.flink.FlinkRest;
import io.flotilla.sidecar.jobs.JobApi;
import io.flotilla.supervisor.jdbc.JdbcDeploymentStore;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.DeploymentSpec;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.model.Phase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.runtime.messages.webmonitor.JobDetails;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two supervisor JVMs sharing the lease; the leader is killed with SIGKILL at each step of a
 * release and of a rollback, and the standby (then a restarted one) finishes it: exactly one job
 * per deployment in Flink's own job list, restored from the right savepoint, no JobID submitted
 * twice.
 */
class SupervisorHaITCase {

    private static final Duration PATIENCE = Duration.ofMinutes(5);
    private static final Pattern JOB_ID = Pattern.compile("\\b[0-9a-f]{32}\\b");

    static LocalPlatform platform;
    static LocalSupervisor supervisors;
    static JdbcDeploymentStore store;
    static Map<String, SidecarClient> sidecars;
    static Artifacts.Published artifact;
    static final List<String> kills = new ArrayList<>();
    static final List<CompletableFuture<SupervisorProcess>> replacements = new ArrayList<>();

    @BeforeAll
    static void start() {
        platform =
                TestingPlatforms.start(
                        TestingPlatforms.freshHome("supervisor-ha"), 1, "--slots", "6");
        // A release that shows no checkpoint within 60 s is rolled back.
        supervisors = LocalSupervisor.start(platform, List.of("--release-timeout", "60s"), 2);
        store = new JdbcDeploymentStore(TestingSupervisors.database(platform), false);
        sidecars = TestingSupervisors.sidecars(platform);
        artifact = TestingPlatforms.publishExample(platform);
    }

    @AfterAll
    static void stop() {
        System.out.println("SupervisorHaITCase kills: " + kills);
        for (var r : replacements) {
            try {
                r.join(); // so that close() stops it too
            } catch (RuntimeException e) {
                System.out.println("a replacement supervisor failed to start: " + e);
            }
        }
        if (supervisors != null) {
            supervisors.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void leaderKilledAtEachStepOfAReleaseAndOfItsRollbackLeavesExactlyOneJobFromTheRightState() {
        store.putSpec(TestingSupervisors.orders("rel", "cluster-1", artifact));
        await(
                "rel running with a checkpoint",
                () -> job("rel").map(j -> positive(j.completedCheckpoints())).orElse(false));

        // A release, killing the leader while it stops the old job with a savepoint.
        release("2", d -> d.status().phase() == Phase.UPGRADING, "stopping with a savepoint");
        // Killing it in the submit half: its intent to submit is saved, the call may be in flight.
        release(
                "3",
                d -> d.status().intent() != null && d.status().phase() == Phase.PENDING,
                "intent to submit saved");
        // Killing it once the new job is submitted and its release not yet proven.
        release(
                "4",
                d -> d.status().release() != null && submittedForGeneration(d),
                "the new job submitted, release unproven");

        // A version that never checkpoints: its release is rolled back to version 4, from the
        // savepoint the release took. The leader dies as the rollback begins, and again in the
        // rollback's submit half.
        Deployment before = deployment("rel");
        String oldJob = before.status().jobId();
        DeploymentSpec bad =
                // Flink's first checkpoint comes at a random time within one interval, so an
                // hour still checkpointed within the release's minute now and then: a year (and
                // the sidecar's longest, a day) makes that one chance in thousands.
                withArgs(before.spec(), "--checkpoint-interval", "31536000")
                        .withCheckpointInterval(Duration.ofDays(1))
                        .withVersion("5-never-checkpoints", artifact.uri(), artifact.sha256())
                        .withGeneration(before.spec().generation() + 1);
        store.putSpec(bad);
        killLeaderWhen(d -> d.status().phase() == Phase.ROLLING_BACK, "rollback begun");
        killLeaderWhen(
                d -> d.status().phase() == Phase.ROLLING_BACK && d.status().intent() != null,
                "rollback's intent to submit saved");
        Deployment rolledBack =
                await(
                        "rel rolled back to version 4 and running",
                        d ->
                                d.status().phase() == Phase.RUNNING
                                        && d.lastReconciledSpec().version().equals("4")
                                        && d.status().rolledBackGeneration() == bad.generation()
                                        && job("rel")
                                                .map(j -> j.restoredFrom() != null)
                                                .orElse(false));
        assertThat(job("rel").orElseThrow().restoredFrom())
                .as("the rollback starts from the release's savepoint of version 4's job")
                .startsWith("s3://flotilla-state/cluster-1/savepoints/" + oldJob + "/savepoint-");
        assertThat(rolledBack.status().jobId()).isNotEqualTo(oldJob);
        assertExactlyOneLiveJob("rel");
        assertThat(submittedJobIds("rel")).as("JobIDs submitted").doesNotHaveDuplicates();
    }

    @Test
    void standbyTakesOverFromAKilledLeaderAndNoActionIsDoneTwice() {
        store.putSpec(TestingSupervisors.orders("ha-1", "cluster-1", artifact));
        store.putSpec(TestingSupervisors.orders("ha-2", "cluster-1", artifact));
        await("ha-1 and ha-2 running", () -> running("ha-1") && running("ha-2"));
        SupervisorProcess leader = awaitLeader();
        long oldToken = leader.health().orElseThrow().path("fencingToken").asLong();

        leader.kill();
        kills.add("idle leader " + leader.name());
        assertThat(leader.alive()).isFalse();
        store.putSpec(TestingSupervisors.orders("ha-3", "cluster-1", artifact));
        await("the standby to lead and start ha-3", () -> running("ha-3"));
        SupervisorProcess standby = awaitLeader();
        assertThat(standby.pid()).isNotEqualTo(leader.pid());
        long newToken = standby.health().orElseThrow().path("fencingToken").asLong();
        assertThat(newToken).isGreaterThan(oldToken);

        for (String name : List.of("ha-1", "ha-2", "ha-3")) {
            assertThat(submittedJobIds(name)).as(name).hasSize(1);
            assertExactlyOneLiveJob(name);
        }
        assertThat(store.events("ha-3")).allMatch(e -> e.fencingToken() == newToken);
        supervisors.startAnother();
    }

    /** Releases {@code version} of "rel", killing the leader once {@code step} is seen. */
    private static void release(String version, Predicate<Deployment> step, String what) {
        Deployment before = deployment("rel");
        String oldJob = before.status().jobId();
        store.putSpec(
                before.spec()
                        .withVersion(version, artifact.uri(), artifact.sha256())
                        .withGeneration(before.spec().generation() + 1));
        killLeaderWhen(step, what + " (release " + version + ")");
        await(
                "release " + version,
                d ->
                        d.status().phase() == Phase.RUNNING
                                && !oldJob.equals(d.status().jobId())
                                && d.lastReconciledSpec().version().equals(version)
                                && d.status().release() == null
                                && job("rel").map(j -> j.restoredFrom() != null).orElse(false));
        assertThat(flinkJobs().stream().filter(j -> j.getJobId().toHexString().equals(oldJob)))
                .as("old job %s in Flink's list", oldJob)
                .singleElement()
                .satisfies(j -> assertThat(j.getStatus().name()).isEqualTo("FINISHED"));
        assertThat(job("rel").orElseThrow().restoredFrom())
                .as("release %s, leader killed at: %s", version, what)
                .startsWith("s3://flotilla-state/cluster-1/savepoints/" + oldJob + "/savepoint-");
        assertExactlyOneLiveJob("rel");
        assertThat(submittedJobIds("rel")).as("JobIDs submitted").doesNotHaveDuplicates();
    }

    /**
     * Polls the store until "rel" shows {@code step}, then SIGKILLs the leading supervisor JVM and
     * starts another in its place (the standby leads meanwhile). The replacement starts in the
     * background: the standby takes over within a tick, sooner than a JVM starts here, and the next
     * step to kill at (the rollback's submit half, right after its start) must not pass unseen.
     */
    private static void killLeaderWhen(Predicate<Deployment> step, String what) {
        SupervisorProcess leader = awaitLeader();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!step.test(deployment("rel"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never saw " + what + ": " + describe("rel"));
            }
            S3Store.sleep(50);
        }
        leader.kill();
        kills.add(what + ": " + leader.name() + " as " + deployment("rel").status().phase());
        assertThat(leader.alive()).isFalse();
        replacements.add(CompletableFuture.supplyAsync(supervisors::startAnother));
    }

    private static SupervisorProcess awaitLeader() {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<SupervisorProcess> leader = supervisors.leader();
            if (leader.isPresent()) {
                return leader.get();
            }
            S3Store.sleep(100);
        }
        throw new AssertionError("no supervisor leads: " + supervisors.alive());
    }

    /** Whether the current generation's job has been submitted (its event is in the log). */
    private static boolean submittedForGeneration(Deployment d) {
        return store.events(d.name()).stream()
                .anyMatch(
                        e ->
                                e.type().equals("Submitted")
                                        && e.message()
                                                .contains(" generation " + d.spec().generation()));
    }

    /**
     * Among every JobID the deployment's audit log names (submitted, found already running, adopted
     * after a crash between submit and save), exactly one is alive in Flink's list, and it is the
     * deployment's current job.
     */
    private static void assertExactlyOneLiveJob(String name) {
        Set<String> ours = new TreeSet<>();
        for (Event e : store.events(name)) {
            Matcher m = JOB_ID.matcher(e.message());
            while (m.find()) {
                ours.add(m.group());
            }
        }
        List<String> live =
                flinkJobs().stream()
                        .filter(j -> !j.getStatus().isGloballyTerminalState())
                        .map(j -> j.getJobId().toHexString())
                        .filter(ours::contains)
                        .toList();
        assertThat(live).as("live jobs of %s in Flink's REST list", name).hasSize(1);
        assertThat(live.get(0)).isEqualTo(deployment(name).status().jobId());
    }

    private static List<JobDetails> flinkJobs() {
        try (FlinkRest flink =
                FlinkRest.connect(
                        platform.cluster("cluster-1").restUrl(), Duration.ofSeconds(10))) {
            return List.copyOf(flink.jobs());
        }
    }

    /** The JobIDs of "submitted" events: a JobID submitted twice would show twice. */
    private static List<String> submittedJobIds(String name) {
        return store.events(name).stream()
                .filter(e -> e.type().equals("Submitted") && e.message().startsWith("submitted "))
                .map(e -> e.message().split(" ")[1])
                .toList();
    }

    private static DeploymentSpec withArgs(DeploymentSpec s, String... args) {
        List<String> all = new ArrayList<>(s.args());
        for (int i = 0; i < args.length; i += 2) {
            int at = all.indexOf(args[i]);
            if (at >= 0) {
                all.set(at + 1, args[i + 1]);
            } else {
                all.add(args[i]);
                all.add(args[i + 1]);
            }
        }
        return new DeploymentSpec(
                s.name(),
                s.owner(),
                s.module(),
                s.version(),
                s.artifactUri(),
                s.artifactSha256(),
                s.entryClass(),
                all,
                s.parallelism(),
                s.desiredState(),
                s.upgradeMode(),
                s.cluster(),
                s.restoreFrom(),
                s.generation(),
                s.retention(),
                s.restarts(),
                s.checkpointInterval());
    }

    private static boolean positive(Long n) {
        return n != null && n > 0;
    }

    private static boolean running(String name) {
        return deployment(name).status().phase() == Phase.RUNNING
                && job(name).map(j -> j.status().equals("RUNNING")).orElse(false);
    }

    private static Deployment deployment(String name) {
        return TestingSupervisors.deployment(store, name);
    }

    private static Optional<JobApi.JobView> job(String name) {
        return TestingSupervisors.job(store, sidecars, name);
    }

    private static String describe(String name) {
        Deployment d = deployment(name);
        return d.status().phase()
                + "/"
                + d.status().jobId()
                + "/"
                + d.status().error()
                + " events "
                + store.events(name).stream().map(e -> e.type() + ": " + e.message()).toList();
    }

    private static void await(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (done.getAsBoolean()) {
                return;
            }
            S3Store.sleep(500);
        }
        throw new AssertionError("gave up waiting for " + what + ": " + describe("rel"));
    }

    private static Deployment await(String what, Predicate<Deployment> done) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Deployment d = deployment("rel");
            if (done.test(d)) {
                return d;
            }
            S3Store.sleep(500);
        }
        throw new AssertionError("gave up waiting for " + what + ": " + describe("rel"));
    }
}
