package io.flotilla.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.local.CliPlatform.Result;
import io.flotilla.local.KafkaITCase.Key;
import io.flotilla.local.KafkaITCase.Stat;
import io.flotilla.local.demo.Demo;
import io.flotilla.local.demo.OrdersFeed;
import io.flotilla.supervisor.api.BackfillRequest;
import io.flotilla.supervisor.api.BackfillStatus;
import io.flotilla.supervisor.api.BackfillView;
import io.flotilla.supervisor.api.DeploymentRequest;
import io.flotilla.supervisor.api.DeploymentView;
import io.flotilla.supervisor.api.EventView;
import io.flotilla.supervisor.api.Phase;
import io.flotilla.supervisor.api.StoredStateView;
import io.flotilla.supervisor.api.SupervisorClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A backfill on the real platform: the DSL orders job runs as a streaming deployment of the
 * supervisor on Kafka orders whose record times are their event times; a backfill of a range of
 * them, {@code --into order_stats_backfill}, runs as a batch on the same cluster, and its window
 * aggregates are the streaming job's for every window inside the range, while the streaming job
 * keeps running as the same job with its own checkpoints.
 */
class BackfillITCase {

    private static final long WINDOW_MILLIS = 5_000;
    private static final Duration WAIT = Duration.ofSeconds(240);
    private static final String DEPLOYMENT = "orders-backfill";

    @RegisterExtension
    static final CliPlatform PLATFORM =
            new CliPlatform(
                    "backfill",
                    "4m",
                    "--kafka",
                    "true",
                    "--kafka-topics",
                    "orders,order_stats,order_stats_backfill",
                    "--slots",
                    "2");

    static SupervisorClient api;
    static String bootstrap;
    static Artifacts.Published runner;
    static Artifacts.Published example;

    @BeforeAll
    static void publishRunner() {
        Path runnerJar = TestingPlatforms.runnerJar();
        assertThat(runnerJar).as("runner jar (mvn -pl flotilla-runner package)").isRegularFile();
        bootstrap = PLATFORM.platform().kafka().orElseThrow().bootstrap();
        try (S3Client s3 = PLATFORM.platform().s3().client()) {
            runner = Artifacts.publish(s3, runnerJar, "runner");
        }
        example = TestingPlatforms.publishExample(PLATFORM.platform());
        api = PLATFORM.supervisor().client();
    }

    @Test
    void aBackfillsWindowAggregatesEqualTheStreamingJobsAndTheStreamingJobRunsOnUntouched()
            throws Exception {
        // Event time a few minutes back, on a window boundary: 300 orders, 30 s, six windows.
        Instant base =
                Instant.ofEpochMilli(
                        Instant.now().minus(Duration.ofMinutes(5)).toEpochMilli()
                                / WINDOW_MILLIS
                                * WINDOW_MILLIS);
        OrdersFeed feed = new OrdersFeed(7, base, Duration.ofMillis(100));
        List<OrdersFeed.Order> sent = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            sent.add(feed.next());
        }
        // Moves the streaming job's watermark (ts - 30 s) past all six windows.
        sent.add(new OrdersFeed.Order("Closer", 1.0, base.plus(Duration.ofSeconds(90))));
        produce(sent);
        Map<Key, Stat> expected = KafkaITCase.expected(sent.subList(0, 300), WINDOW_MILLIS);

        api.create(
                DeploymentRequest.create(
                                DEPLOYMENT,
                                "team-orders",
                                "examples/orders",
                                "1",
                                runner.uri(),
                                runner.sha256(),
                                "io.flotilla.runner.Runner",
                                List.of(
                                        "--job",
                                        "io.flotilla.examples.orders.dsl.OrdersDslJob",
                                        "--kafka-bootstrap-servers",
                                        bootstrap,
                                        "--window-seconds",
                                        String.valueOf(WINDOW_MILLIS / 1000)),
                                "cluster-1")
                        .withParallelism(1)
                        .withCheckpointInterval("2s"));
        DeploymentView running =
                TestingSupervisors.awaitDeployment(
                        api,
                        DEPLOYMENT,
                        "RUNNING with a checkpoint",
                        WAIT,
                        d -> d.phase() == Phase.RUNNING && d.status().lastCheckpoint() != null);
        String streamingJob = running.status().jobId();
        Map<Key, Stat> streamed = consume("order_stats", expected.size());
        assertSameStats(streamed, expected, "what the streaming job wrote");

        // The range [base + 5 s, base + 25 s): four whole windows, the first and last left out.
        Instant from = base.plusMillis(WINDOW_MILLIS);
        Instant to = base.plusMillis(5 * WINDOW_MILLIS);
        long started = System.nanoTime();
        Result r =
                PLATFORM.cli(
                        "backfill",
                        DEPLOYMENT,
                        "--from",
                        from.toString(),
                        "--to",
                        to.toString(),
                        "--into",
                        "order_stats_backfill");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("requested: job ", "running on cluster-1", "FINISHED");
        BackfillView done = api.backfills(DEPLOYMENT).backfills().get(0);
        System.out.printf(
                "backfill %d of [%s, %s) FINISHED on %s as job %s in %d s%n",
                done.id(),
                from,
                to,
                done.cluster(),
                done.jobId(),
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        assertThat(done.jobId()).isNotEqualTo(streamingJob);
        assertThat(done.status())
                .as(String.valueOf(done.error()))
                .isEqualTo(BackfillStatus.FINISHED);
        assertThat(done.cluster()).isEqualTo("cluster-1");
        assertThat(done.writes()).containsExactly("order_stats_backfill");

        Map<Key, Stat> inRange =
                streamed.entrySet().stream()
                        .filter(e -> inside(e.getKey(), from, to))
                        .collect(
                                Collectors.toMap(
                                        Map.Entry::getKey,
                                        Map.Entry::getValue,
                                        (a, b) -> a,
                                        TreeMap::new));
        assertThat(inRange.keySet().stream().map(Key::windowStart).distinct()).hasSize(4);
        Map<Key, Stat> backfilled = consume("order_stats_backfill", inRange.size());
        assertSameStats(backfilled, inRange, "the batch run's windows against the streaming job's");

        // The streaming job was never touched: same job, still running, still checkpointing.
        DeploymentView after =
                TestingSupervisors.awaitDeployment(
                        api,
                        DEPLOYMENT,
                        "a checkpoint after the backfill",
                        WAIT,
                        d ->
                                d.status().lastCheckpoint() != null
                                        && !d.status()
                                                .lastCheckpoint()
                                                .equals(running.status().lastCheckpoint()));
        assertThat(after.phase()).isEqualTo(Phase.RUNNING);
        assertThat(after.status().jobId()).isEqualTo(streamingJob);
        assertThat(after.status().attempts()).isEqualTo(running.status().attempts());
        assertSameStats(
                consume("order_stats", expected.size()),
                expected,
                "the streaming job's output, unchanged by the backfill");
        List<StoredStateView> stored = api.state(DEPLOYMENT).stored();
        assertThat(stored).extracting(StoredStateView::jobId).contains(streamingJob);
        assertThat(stored)
                .extracting(StoredStateView::jobId)
                .as("the batch job keeps no state")
                .doesNotContain(done.jobId());
        List<String> events =
                api.events(DEPLOYMENT, 0, 1000).events().stream().map(EventView::type).toList();
        assertThat(events).contains("BackfillRequested", "BackfillStarted", "BackfillFinished");

        // Refused input: a range that ends in the future (by the API), a table nobody declared
        // (by the DSL, before the batch job exists), and the streaming job still untouched.
        Result future =
                PLATFORM.cli(
                        "backfill",
                        DEPLOYMENT,
                        "--from",
                        from.toString(),
                        "--to",
                        Instant.now().plus(Duration.ofHours(1)).toString());
        assertThat(future.code()).isEqualTo(2);
        assertThat(future.err()).contains("'to' is in the future");
        Result unknown =
                PLATFORM.cli(
                        "backfill",
                        DEPLOYMENT,
                        "--from",
                        from.toString(),
                        "--to",
                        to.toString(),
                        "--into",
                        "order_stats_nowhere");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("unknown table 'order_stats_nowhere'");
        assertThat(api.backfills(DEPLOYMENT).backfills().get(0).status())
                .isEqualTo(BackfillStatus.FAILED);
        assertThat(api.deployment(DEPLOYMENT).status().jobId()).isEqualTo(streamingJob);
        assertThat(events.stream().filter("Submitted"::equals))
                .as("the streaming job was submitted once, never again")
                .hasSize(1);

        aDeploymentWaitsWhileABackfillHoldsTheLastSlot(from, to);
        api.stop(DEPLOYMENT, null);
        TestingSupervisors.awaitDeployment(
                api, DEPLOYMENT, "STOPPED", WAIT, d -> d.phase() == Phase.STOPPED);
    }

    /**
     * With the streaming job's slot and a running backfill's, the cluster's two are taken: a new
     * deployment waits in WAITING_FOR_SLOTS naming the backfill (not inside Flink), and its job is
     * submitted only once the backfill ended.
     */
    private static void aDeploymentWaitsWhileABackfillHoldsTheLastSlot(Instant from, Instant to) {
        BackfillView requested =
                api.startBackfill(
                        DEPLOYMENT, new BackfillRequest(from, to, "order_stats_backfill"));
        long deadline = System.nanoTime() + WAIT.toNanos();
        BackfillView b = requested;
        // Placed: its cluster is written before its submit, which takes seconds more.
        while (b.cluster() == null && b.status() == BackfillStatus.RUNNING) {
            assertThat(System.nanoTime()).as("backfill placed in time").isLessThan(deadline);
            sleep(200);
            b = api.backfill(DEPLOYMENT, requested.id());
        }
        api.create(
                DeploymentRequest.create(
                        "orders-late",
                        "team-orders",
                        "examples/orders",
                        "1",
                        example.uri(),
                        example.sha256(),
                        Demo.ENTRY_CLASS,
                        List.of("--sink", "blackhole", "--rows-per-second", "5"),
                        null));
        DeploymentView waiting =
                TestingSupervisors.awaitDeployment(
                        api,
                        "orders-late",
                        "WAITING_FOR_SLOTS",
                        WAIT,
                        d -> d.phase() == Phase.WAITING_FOR_SLOTS || d.phase() == Phase.RUNNING);
        System.out.println("orders-late: " + waiting.phase() + ": " + waiting.status().waiting());
        // A batch job is short: on a slow machine it may end before the new deployment is first
        // seen, and then there is no wait to see. What must hold either way is checked below: its
        // job is submitted only once the backfill ended.
        if (waiting.phase() == Phase.WAITING_FOR_SLOTS) {
            assertThat(waiting.status().waiting())
                    .isEqualTo(
                            "needs 1 slots: no cluster is healthy with room (cluster-1: 0 of 2 free"
                                    + " (backfill "
                                    + requested.id()
                                    + " of "
                                    + DEPLOYMENT
                                    + " holds 1))");
        }
        DeploymentView started =
                TestingSupervisors.awaitDeployment(
                        api,
                        "orders-late",
                        "RUNNING once the backfill ended",
                        WAIT,
                        d -> d.phase() == Phase.RUNNING);
        assertThat(started.cluster()).isEqualTo("cluster-1");
        BackfillView ended = api.backfill(DEPLOYMENT, requested.id());
        assertThat(ended.status())
                .as(String.valueOf(ended.error()))
                .isEqualTo(BackfillStatus.FINISHED);
        Instant submitted =
                api.events("orders-late", 0, 100).events().stream()
                        .filter(e -> e.type().equals("Submitted"))
                        .findFirst()
                        .orElseThrow()
                        .at();
        assertThat(submitted)
                .as("submitted after the backfill ended")
                .isAfterOrEqualTo(ended.ended());
        api.stop("orders-late", null);
        TestingSupervisors.awaitDeployment(
                api, "orders-late", "STOPPED", WAIT, d -> d.phase() == Phase.STOPPED);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The same windows and names, the same counts, averages equal up to rounding. */
    private static void assertSameStats(
            Map<Key, Stat> actual, Map<Key, Stat> expected, String what) {
        assertThat(actual.keySet()).as(what).containsExactlyElementsOf(expected.keySet());
        for (Map.Entry<Key, Stat> e : expected.entrySet()) {
            Stat got = actual.get(e.getKey());
            assertThat(got.orders())
                    .as("%s: orders of %s", what, e.getKey())
                    .isEqualTo(e.getValue().orders());
            assertThat(got.avgCost())
                    .as("%s: average cost of %s", what, e.getKey())
                    .isCloseTo(e.getValue().avgCost(), within(1e-9));
        }
    }

    private static boolean inside(Key key, Instant from, Instant to) {
        Instant start = Instant.parse(key.windowStart().replace(' ', 'T') + "Z");
        return !start.isBefore(from) && !start.plusMillis(WINDOW_MILLIS).isAfter(to);
    }

    /** Sends the orders with their event time as the Kafka record time, as producers do. */
    private static void produce(List<OrdersFeed.Order> orders) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (OrdersFeed.Order o : orders) {
                producer.send(
                        new ProducerRecord<>(
                                "orders", null, o.ts().toEpochMilli(), o.name(), o.json()));
            }
            producer.flush();
        }
    }

    /** Reads {@code topic} from its start until {@code expected} keys have a value. */
    private static Map<Key, Stat> consume(String topic, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<Key, Stat> stats = new TreeMap<>();
        int records = 0;
        long deadline = System.nanoTime() + WAIT.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (stats.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode v = KafkaITCase.JSON.readTree(r.value());
                    records++;
                    stats.put(
                            new Key(
                                    v.get("window_start")
                                            .asText()
                                            .replace('T', ' ')
                                            .substring(0, 19),
                                    v.get("name").asText()),
                            new Stat(v.get("orders").asLong(), v.get("avg_cost").asDouble()));
                }
            }
            // Whatever else is there by now (a duplicate would show as more records than keys).
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(2))) {
                records++;
            }
        } catch (Exception e) {
            throw new AssertionError("cannot read " + topic + ": " + e, e);
        }
        assertThat(records)
                .as("records in %s, one per window and name", topic)
                .isEqualTo(stats.size());
        return stats;
    }
}
