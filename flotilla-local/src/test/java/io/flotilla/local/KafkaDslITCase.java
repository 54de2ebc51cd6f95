package io.flotilla.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.local.KafkaITCase.Key;
import io.flotilla.local.KafkaITCase.Stat;
import io.flotilla.local.demo.OrdersFeed;
import io.flotilla.sidecar.client.SidecarClient;
import io.flotilla.sidecar.jobs.JobApi;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.flink.api.common.JobID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The DSL orders job in both forms, Java ({@code OrdersDslJob}) and YAML ({@code
 * jobs/orders.yaml}), run from the real runner jar through a cluster's sidecar on the platform's
 * Kafka: the averages they write to {@code order_stats} are those computed from what the feed sent.
 */
class KafkaDslITCase {

    private static final long WINDOW_MILLIS = 5_000;
    private static final String STATS_TOPIC = "order_stats";

    static LocalPlatform platform;
    static String bootstrap;
    static SidecarClient sidecar;
    static Artifacts.Published runner;
    static Map<Key, Stat> expected;

    @BeforeAll
    static void startPlatformAndFeedOrders() {
        Path runnerJar = TestingPlatforms.runnerJar();
        assertThat(runnerJar).as("runner jar (mvn -pl flotilla-runner package)").isRegularFile();
        platform =
                TestingPlatforms.start(
                        TestingPlatforms.freshHome("kafka-dsl"), 1, "--kafka", "true");
        bootstrap = platform.kafka().orElseThrow().bootstrap();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        // 300 orders, 30 s of event time: six full 5-second windows.
        List<OrdersFeed.Order> sent =
                new OrdersFeed(42, start, Duration.ofMillis(100))
                        .send(bootstrap, "orders", 300, 500);
        // Far enough ahead to move the watermark (ts - 30 s) past every window above; its own
        // window stays open and is not expected.
        OrdersFeed.sendOne(
                bootstrap,
                "orders",
                new OrdersFeed.Order("Closer", 1.0, start.plus(Duration.ofMinutes(10))));
        expected = KafkaITCase.expected(sent, WINDOW_MILLIS);
        assertThat(expected).hasSize(30);
        try (S3Client s3 = platform.s3().client()) {
            runner = Artifacts.publish(s3, runnerJar, "runner");
        }
        sidecar = new SidecarClient(platform.sidecars().get(0).uri(), platform.sidecarToken());
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void javaDslOrdersJobFromTheRunnerJarAveragesPerLowerCasedNameIntoOrderStats()
            throws Exception {
        runAndCheck("io.flotilla.examples.orders.dsl.OrdersDslJob");
    }

    @Test
    void yamlOrdersJobFromTheRunnerJarAveragesPerLowerCasedNameIntoOrderStats() throws Exception {
        runAndCheck("classpath:jobs/orders.yaml");
    }

    /** Submits the job, reads what it writes after the sink topic's current end, cancels it. */
    private static void runAndCheck(String job) throws Exception {
        Map<TopicPartition, Long> from = endOffsets();
        String jobId = JobID.generate().toHexString();
        sidecar.submit(
                new JobApi.SubmitRequest(
                        new JobApi.ArtifactRef(runner.uri(), runner.sha256()),
                        "io.flotilla.runner.Runner",
                        List.of(
                                "--job", job,
                                "--kafka-bootstrap-servers", bootstrap,
                                "--window-seconds", String.valueOf(WINDOW_MILLIS / 1000)),
                        1,
                        jobId,
                        null,
                        null));
        try {
            SidecarWaits.until(
                    sidecar, jobId, KafkaITCase.WAIT, "RUNNING", j -> j.status().equals("RUNNING"));
            Map<Key, Stat> actual = consume(from, expected.size());
            assertThat(actual.keySet()).as(job).containsExactlyElementsOf(expected.keySet());
            for (Map.Entry<Key, Stat> e : expected.entrySet()) {
                Stat got = actual.get(e.getKey());
                assertThat(got.orders())
                        .as("%s: orders of %s", job, e.getKey())
                        .isEqualTo(e.getValue().orders());
                assertThat(got.avgCost())
                        .as("%s: average cost of %s", job, e.getKey())
                        .isCloseTo(e.getValue().avgCost(), within(1e-9));
            }
        } finally {
            sidecar.await(sidecar.cancel(jobId), KafkaITCase.WAIT);
        }
    }

    private static Properties consumerProps() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return props;
    }

    private static Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(STATS_TOPIC).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition()))
                            .toList();
            return consumer.endOffsets(partitions);
        }
    }

    /** Reads the sink topic from {@code from} until {@code expected} keys have a value. */
    private static Map<Key, Stat> consume(Map<TopicPartition, Long> from, int expected)
            throws Exception {
        Map<Key, Stat> stats = new TreeMap<>();
        long deadline = System.nanoTime() + KafkaITCase.WAIT.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps())) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            while (stats.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode v = KafkaITCase.JSON.readTree(r.value());
                    stats.put(
                            new Key(second(v.get("window_start").asText()), v.get("name").asText()),
                            new Stat(v.get("orders").asLong(), v.get("avg_cost").asDouble()));
                }
            }
        }
        if (stats.size() < expected) {
            System.out.println(STATS_TOPIC + " so far: " + stats);
        }
        return stats;
    }

    /** {@code 2026-01-01 00:00:05} whether the json format wrote it with a T or a fraction. */
    private static String second(String timestamp) {
        return timestamp.replace('T', ' ').substring(0, 19);
    }
}
