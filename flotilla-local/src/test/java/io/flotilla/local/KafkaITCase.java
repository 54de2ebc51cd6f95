package io.flotilla.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flotilla.local.demo.OrdersFeed;
import io.flotilla.sidecar.client.SidecarClient;
import io.flotilla.sidecar.jobs.JobApi;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.flink.api.common.JobID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * End to end on the real platform: orders fed to the local Kafka broker, the runner jar running the
 * bundled SQL job on a session cluster through its sidecar, the averages read back from Kafka.
 */
class KafkaITCase {

    static final Duration WAIT = Duration.ofSeconds(180);
    static final long WINDOW_MILLIS = 10_000;
    static final DateTimeFormatter WINDOW =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    static final ObjectMapper JSON = new ObjectMapper();

    /** Window start and lower-cased name: the key of one aggregate. */
    record Key(String windowStart, String name) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = windowStart.compareTo(o.windowStart);
            return c != 0 ? c : name.compareTo(o.name);
        }
    }

    /** One aggregate: the number of priced orders and their average cost. */
    record Stat(long orders, double avgCost) {}

    @Test
    void ordersFromKafkaAreAveragedPerLowerCasedNameAndWindowIntoOrderStats() throws Exception {
        Path runnerJar = TestingPlatforms.runnerJar();
        assertThat(runnerJar).as("runner jar (mvn -pl flotilla-runner package)").isRegularFile();
        try (LocalPlatform platform =
                TestingPlatforms.start(TestingPlatforms.freshHome("kafka"), 1, "--kafka", "true")) {
            String bootstrap = platform.kafka().orElseThrow().bootstrap();
            Instant start = Instant.parse("2026-01-01T00:00:00Z");
            OrdersFeed feed = new OrdersFeed(42, start, Duration.ofMillis(100));
            // 300 orders, 30 s of event time: three full 10-second windows.
            List<OrdersFeed.Order> sent = feed.send(bootstrap, "orders", 300, 500);
            // One late-stamped order moves the watermark past every window above; its own window
            // stays open and is not expected.
            OrdersFeed.sendOne(
                    bootstrap,
                    "orders",
                    new OrdersFeed.Order("Closer", 1.0, start.plus(Duration.ofMinutes(10))));
            Map<Key, Stat> expected = expected(sent);
            assertThat(expected).hasSize(15);

            Artifacts.Published runner;
            try (S3Client s3 = platform.s3().client()) {
                runner = Artifacts.publish(s3, runnerJar, "runner");
            }
            SidecarClient sidecar =
                    new SidecarClient(platform.sidecars().get(0).uri(), platform.sidecarToken());
            String jobId = JobID.generate().toHexString();
            sidecar.submit(
                    new JobApi.SubmitRequest(
                            new JobApi.ArtifactRef(runner.uri(), runner.sha256()),
                            "io.flotilla.runner.Runner",
                            List.of(
                                    "--sql", "classpath:sql/orders_stats.sql",
                                    "--set", "bootstrap=" + bootstrap,
                                    "--set", "orders_topic=orders",
                                    "--set", "stats_topic=order_stats",
                                    "--set", "window_seconds=" + WINDOW_MILLIS / 1000,
                                    "--set", "group_id=orders-stats-it"),
                            1,
                            jobId,
                            null,
                            null));
            SidecarWaits.until(sidecar, jobId, WAIT, "RUNNING", j -> j.status().equals("RUNNING"));

            Map<Key, Stat> actual = consume(bootstrap, expected.size());
            assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
            for (Map.Entry<Key, Stat> e : expected.entrySet()) {
                Stat got = actual.get(e.getKey());
                assertThat(got.orders())
                        .as("orders of %s", e.getKey())
                        .isEqualTo(e.getValue().orders());
                assertThat(got.avgCost())
                        .as("average cost of %s", e.getKey())
                        .isCloseTo(e.getValue().avgCost(), within(1e-9));
            }
        }
    }

    /** The aggregates computed from what the feed sent, as the job is meant to compute them. */
    static Map<Key, Stat> expected(List<OrdersFeed.Order> sent) {
        return expected(sent, WINDOW_MILLIS);
    }

    /** The same for tumbling windows of {@code windowMillis}. */
    static Map<Key, Stat> expected(List<OrdersFeed.Order> sent, long windowMillis) {
        Map<Key, double[]> sums = new TreeMap<>();
        for (OrdersFeed.Order o : sent) {
            if (o.cost() == null) {
                continue;
            }
            long windowStart = Math.floorDiv(o.ts().toEpochMilli(), windowMillis) * windowMillis;
            Key key =
                    new Key(
                            WINDOW.format(Instant.ofEpochMilli(windowStart)),
                            o.name().toLowerCase(Locale.ROOT));
            double[] sum = sums.computeIfAbsent(key, k -> new double[2]);
            sum[0] += o.cost();
            sum[1]++;
        }
        Map<Key, Stat> stats = new TreeMap<>();
        sums.forEach((k, s) -> stats.put(k, new Stat((long) s[1], s[0] / s[1])));
        return stats;
    }

    /** Reads {@code order_stats} from the start until {@code expected} keys have a value. */
    static Map<Key, Stat> consume(String bootstrap, int expected) throws Exception {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "kafka-itcase");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<Key, Stat> stats = new TreeMap<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of("order_stats"));
            while (stats.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode v = JSON.readTree(r.value());
                    stats.put(
                            new Key(v.get("window_start").asText(), v.get("name").asText()),
                            new Stat(v.get("orders").asLong(), v.get("avg_cost").asDouble()));
                }
            }
        }
        if (stats.size() < expected) {
            System.out.println("order_stats so far: " + stats);
        }
        return stats;
    }
}
