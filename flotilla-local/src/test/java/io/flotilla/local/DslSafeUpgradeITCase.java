package io.flotilla.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.local.process.FlinkCluster;
import io.flotilla.sidecar.flink.FlinkRest;
import io.flotilla.sidecar.flink.JarRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A YAML DSL job upgraded on a real cluster from the runner jar: v1 counts clicks per user and
 * saves its compiled plan to S3 ({@code --save-plan}), stops with a savepoint; v2 only adds a
 * column after the count, runs aligned to v1's plan ({@code --previous-plan}) from the savepoint,
 * and its counts go on.
 */
class DslSafeUpgradeITCase {

    private static final Duration WAIT = Duration.ofSeconds(180);

    static LocalPlatform platform;
    static FlinkRest rest;
    static JobWaits waits;
    static PrintedCounts counts;

    @BeforeAll
    static void startPlatform() {
        platform = TestingPlatforms.start(TestingPlatforms.freshHome("dsl-safe-upgrade"), 1);
        FlinkCluster cluster = platform.clusters().get(0);
        rest = FlinkRest.connect(cluster.restUrl(), Duration.ofSeconds(30));
        waits = new JobWaits(rest);
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
    void projectionOnlyChangeOfAYamlJobRestoresItsCountsFromTheSavepoint() throws Exception {
        Path runnerJar = TestingPlatforms.runnerJar();
        assertThat(runnerJar).as("runner jar (mvn -pl flotilla-runner package)").isRegularFile();
        FlinkCluster cluster = platform.clusters().get(0);
        String jarId = rest.uploadJar(runnerJar);
        String plans = cluster.stateUri() + "/plans/clicks-count";
        Path v1Job = version("v1", "");
        Path v2Job = version("v2", ", 'v2' AS label");

        JobID v1 = run(jarId, v1Job, null, List.of("--save-plan", plans + "/v1.json"));
        waits.running(v1, WAIT);
        counts.awaitFirst("v1", 10);
        String savepoint =
                waits.savepoint(
                        v1,
                        rest.stopWithSavepoint(v1, cluster.stateUri() + "/savepoints", false),
                        WAIT);
        assertThat(waits.terminal(v1, WAIT)).isEqualTo(JobStatus.FINISHED);
        Map<Integer, Long> lastOfV1 = counts.last("v1");

        JobID v2 =
                run(
                        jarId,
                        v2Job,
                        savepoint,
                        List.of(
                                "--previous-plan", plans + "/v1.json",
                                "--save-plan", plans + "/v2.json"));
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
    }

    /**
     * Writes one version of the job: the YAML job and its tables (datagen clicks of users 1-3, a
     * print sink named after the version), with {@code extra} added after the count.
     */
    private static Path version(String name, String extra) throws IOException {
        Path dir = Files.createDirectories(platform.home().resolve("jobs/" + name));
        Files.writeString(
                dir.resolve("job.yaml"),
                """
                name: clicks-count
                tables: [clicks, counts]
                statements:
                  - sql: INSERT INTO counts SELECT user_id, COUNT(*) AS clicks%s FROM clicks GROUP BY user_id
                """
                        .formatted(extra));
        Path tables = Files.createDirectories(dir.resolve("tables"));
        Files.writeString(
                tables.resolve("tables.yaml"),
                """
                name: clicks
                connector: datagen
                owner: web
                options:
                  rows-per-second: "5"
                  fields.user_id.min: "1"
                  fields.user_id.max: "3"
                columns:
                  - {name: user_id, type: INT}
                  - {name: url, type: STRING}
                ---
                name: counts
                connector: print
                owner: analytics
                options:
                  print-identifier: %s
                columns:
                  - {name: user_id, type: INT}
                  - {name: clicks, type: BIGINT}
                %s"""
                        .formatted(
                                name, extra.isEmpty() ? "" : "  - {name: label, type: STRING}\n"));
        return dir;
    }

    private static JobID run(String jarId, Path version, String savepoint, List<String> planArgs) {
        List<String> args = new ArrayList<>();
        args.addAll(
                List.of(
                        "--job", version.resolve("job.yaml").toString(),
                        "--tables", version.resolve("tables").toString()));
        args.addAll(planArgs);
        JobID id = JobID.generate();
        rest.runJar(jarId, new JarRun("io.flotilla.runner.Runner", args, 1, id, savepoint, false));
        return id;
    }
}
