package io.flotilla.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.dsl.upgrade.StateCompatibility;
import io.flotilla.dsl.upgrade.UpgradeWarning;
import io.flotilla.local.process.FlinkCluster;
import io.flotilla.sidecar.flink.FlinkRest;
import io.flotilla.sidecar.flink.FlinkRestException;
import io.flotilla.sidecar.flink.JarRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On a real cluster: v1 counts per user, stops with a savepoint; v2, which only adds a column after
 * the count, restores it and the counts go on; v3, which counts over other keys, is refused the
 * savepoint, as StateCompatibility warned beforehand.
 */
class SafeUpgradeITCase {

    private static final Duration WAIT = Duration.ofSeconds(180);

    static LocalPlatform platform;
    static FlinkRest rest;
    static JobWaits waits;
    static Path plans;
    static PrintedCounts counts;

    @BeforeAll
    static void startPlatform() {
        Path home = TestingPlatforms.freshHome("safe-upgrade");
        platform = TestingPlatforms.start(home, 1);
        FlinkCluster cluster = platform.clusters().get(0);
        rest = FlinkRest.connect(cluster.restUrl(), Duration.ofSeconds(30));
        waits = new JobWaits(rest);
        plans = home.resolve("plans");
        counts = new PrintedCounts(platform, WAIT);
    }

    @AfterAll
    static void stopPlatform() {
        if (rest != null) {
            rest.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aProjectionOnlyChangeRestoresTheCountsAndChangedKeysAreRefused() throws Exception {
        FlinkCluster cluster = platform.clusters().get(0);
        String jarId = rest.uploadJar(UpgradeJobJar.build(platform.home().resolve("jars")));
        String savepoints = cluster.stateUri() + "/savepoints";

        JobID v1 = run(jarId, List.of("v1", plans.toString()), null, false);
        waits.running(v1, WAIT);
        counts.awaitFirst("v1", 10);
        String savepoint = waits.savepoint(v1, rest.stopWithSavepoint(v1, savepoints, false), WAIT);
        assertThat(waits.terminal(v1, WAIT)).isEqualTo(JobStatus.FINISHED);
        Map<Integer, Long> lastOfV1 = counts.last("v1");

        // What validate would say before anything is submitted.
        String v1Plan = Files.readString(plans.resolve("v1.json"));
        assertThat(StateCompatibility.check(v1Plan, UpgradeJob.compile("v2"))).isEmpty();
        List<UpgradeWarning> v3Warnings =
                StateCompatibility.check(v1Plan, UpgradeJob.compile("v3"));
        assertThat(v3Warnings)
                .singleElement()
                .asString()
                .startsWith(
                        "GroupAggregate over keys [user_id]: group keys changed from [user_id INT]")
                .contains("flag BOOLEAN");

        // Without alignment v2 runs with the ids the JobManager's planner counter gave it.
        String unaligned =
                refusedRun(jarId, List.of("v2", plans.toString(), "unaligned"), savepoint);
        assertThat(unaligned).contains("Cannot map checkpoint/savepoint state");

        JobID v2 = run(jarId, List.of("v2", plans.toString(), "v1"), savepoint, false);
        waits.running(v2, WAIT);
        // Flink serves checkpoint statistics from a cache: poll, not one read after RUNNING.
        var restored = waits.restored(v2, WAIT);
        assertThat(restored).isNotNull();
        assertThat(restored.getExternalPath()).isEqualTo(savepoint);
        Map<Integer, Long> firstOfV2 = counts.awaitFirst("v2", 1);
        for (var key : lastOfV1.keySet()) {
            assertThat(firstOfV2.get(key))
                    .as(
                            "v2's first count of user %s continues v1's last, %s",
                            key, lastOfV1.get(key))
                    .isGreaterThan(lastOfV1.get(key));
        }
        rest.cancel(v2);
        assertThat(waits.terminal(v2, WAIT)).isEqualTo(JobStatus.CANCELED);

        // v3's aggregate gets a new uid, so v1's aggregate state has no operator to go to.
        String refusal = refusedRun(jarId, List.of("v3", plans.toString(), "v1"), savepoint);
        assertThat(refusal).contains("Cannot map checkpoint/savepoint state");

        // Forcing it drops the counts: v3 starts again from 1.
        JobID forced = run(jarId, List.of("v3", plans.toString(), "v1"), savepoint, true);
        waits.running(forced, WAIT);
        assertThat(counts.awaitFirst("v3", 1).values()).containsOnly(1L);
        rest.cancel(forced);
        waits.terminal(forced, WAIT);
    }

    private static JobID run(String jarId, List<String> args, String savepoint, boolean force) {
        JobID id = JobID.generate();
        rest.runJar(jarId, new JarRun(UpgradeJob.class.getName(), args, 1, id, savepoint, force));
        return id;
    }

    /**
     * Submits a run Flink must refuse and returns why: the answer's message and what the JobManager
     * logged meanwhile (the refusal comes as one or the other, depending on when restore fails).
     */
    private static String refusedRun(String jarId, List<String> args, String savepoint)
            throws IOException {
        int logged = jobManagerLog().length();
        String answer = "";
        try {
            JobID id = run(jarId, args, savepoint, false);
            assertThat(waits.terminal(id, WAIT)).isEqualTo(JobStatus.FAILED);
        } catch (FlinkRestException e) {
            answer = e.getMessage();
        }
        return answer + "\n" + jobManagerLog().substring(logged);
    }

    private static String jobManagerLog() throws IOException {
        FlinkCluster cluster = platform.clusters().get(0);
        return Files.readString(
                platform.home().resolve("logs/" + cluster.name() + "-jobmanager.log"));
    }
}
