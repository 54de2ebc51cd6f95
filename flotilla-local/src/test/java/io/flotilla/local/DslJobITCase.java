package io.flotilla.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.sidecar.flink.FlinkRest;
import io.flotilla.sidecar.flink.JarRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.flink.api.common.JobID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java DSL form of the orders job on a real local session cluster, from the runner jar
 * submitted through Flink's REST API, its Kafka tables re-declared on datagen and print with {@code
 * --tables}.
 */
class DslJobITCase {

    private static final Duration WAIT = Duration.ofSeconds(180);
    // +I[window_start, window_end, name, orders, avg_cost]
    private static final Pattern STATS_ROW =
            Pattern.compile(
                    "\\+I\\[\\d{4}-\\d\\d-\\d\\dT[\\d:.]+, \\d{4}-\\d\\d-\\d\\dT[\\d:.]+, [^,]*, \\d+, [\\d.E-]+]");

    static LocalPlatform platform;
    static FlinkRest rest;

    @BeforeAll
    static void startPlatform() {
        platform = TestingPlatforms.start(TestingPlatforms.freshHome("dsl-job"), 1);
        rest = FlinkRest.connect(platform.clusters().get(0).restUrl(), Duration.ofSeconds(30));
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
    void javaDslOrdersJobRunsAndWritesAveragesPerNameAndWindow() throws Exception {
        Path jar = TestingPlatforms.runnerJar();
        assertThat(jar).as("runner jar (mvn -pl flotilla-runner package)").isRegularFile();
        Path localTables =
                Path.of("../examples/orders/src/test/resources/local-tables")
                        .toAbsolutePath()
                        .normalize();
        String jarId = rest.uploadJar(jar);
        JobID jobId = JobID.generate();
        rest.runJar(
                jarId,
                new JarRun(
                        "io.flotilla.runner.Runner",
                        List.of(
                                "--job", "io.flotilla.examples.orders.dsl.OrdersDslJob",
                                "--tables", localTables.toString(),
                                "--window-seconds", "5"),
                        1,
                        jobId,
                        null,
                        null));
        new JobWaits(rest).running(jobId, WAIT);

        Path out =
                platform.home()
                        .resolve("logs/" + platform.clusters().get(0).name() + "-taskmanager.out");
        Instant deadline = Instant.now().plus(WAIT);
        List<String> rows = List.of();
        while (Instant.now().isBefore(deadline)) {
            rows =
                    Files.exists(out)
                            ? Files.readAllLines(out).stream()
                                    .filter(l -> STATS_ROW.matcher(l).matches())
                                    .toList()
                            : List.of();
            if (rows.size() >= 3) {
                break;
            }
            Thread.sleep(1000);
        }
        assertThat(rows).as("window rows in " + out).hasSizeGreaterThanOrEqualTo(3);
        // The generated names are CUSTOMER-1 ... CUSTOMER-5; the job lower-cases them.
        assertThat(rows).map(r -> r.split(", ")[2]).allMatch(n -> n.matches("customer-[1-5]"));
        // The DSL job sets no checkpoint interval: the cluster's default (10 s) applies, so it has
        // state to come back to.
        assertThat(checkpointInterval(jobId)).isEqualTo(10_000L);
        awaitCheckpoint(jobId);
        rest.cancel(jobId);
    }

    @Test
    void aCheckpointIntervalInTheRunRequestOverridesTheClustersDefault() throws Exception {
        String jarId = rest.uploadJar(TestingPlatforms.runnerJar());
        JobID jobId = JobID.generate();
        Path localTables =
                Path.of("../examples/orders/src/test/resources/local-tables")
                        .toAbsolutePath()
                        .normalize();
        rest.runJar(
                jarId,
                new JarRun(
                        "io.flotilla.runner.Runner",
                        List.of(
                                "--job", "io.flotilla.examples.orders.dsl.OrdersDslJob",
                                "--tables", localTables.toString(),
                                "--window-seconds", "5"),
                        1,
                        jobId,
                        null,
                        null,
                        Map.of(JarRun.CHECKPOINT_INTERVAL, "1500 ms")));
        new JobWaits(rest).running(jobId, WAIT);
        assertThat(checkpointInterval(jobId)).isEqualTo(1_500L);
        awaitCheckpoint(jobId);
        rest.cancel(jobId);
    }

    /** Flink's {@code GET /jobs/:id/checkpoints/config} interval, in ms. */
    private static long checkpointInterval(JobID jobId) throws Exception {
        java.net.http.HttpResponse<String> r =
                java.net.http.HttpClient.newHttpClient()
                        .send(
                                java.net.http.HttpRequest.newBuilder(
                                                rest.restUrl()
                                                        .resolve(
                                                                "/jobs/"
                                                                        + jobId
                                                                        + "/checkpoints/config"))
                                        .build(),
                                java.net.http.HttpResponse.BodyHandlers.ofString());
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(r.body())
                .path("interval")
                .asLong(-1);
    }

    private static void awaitCheckpoint(JobID jobId) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        long completed = 0;
        while (Instant.now().isBefore(deadline) && completed < 1) {
            completed = rest.checkpoints(jobId).getCounts().getNumberCompletedCheckpoints();
            Thread.sleep(500);
        }
        assertThat(completed).as("completed checkpoints of " + jobId).isPositive();
    }
}
