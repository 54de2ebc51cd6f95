package io.flotilla.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.sidecar.client.SidecarClient;
import io.flotilla.sidecar.jobs.JobApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.flink.api.common.JobID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * TSKV and YSON in cluster jobs: the example's {@code jobs/tskv-to-yson.yaml} reads TSKV from Kafka
 * and writes binary YSON, then {@code jobs/yson-to-tskv.yaml} reads that YSON back into TSKV; both
 * from the runner jar through a sidecar, every record checked.
 */
class KafkaFormatsITCase {

    private static final int RECORDS = 40;

    static LocalPlatform platform;
    static String bootstrap;
    static SidecarClient sidecar;
    static Artifacts.Published runner;
    static final Map<Long, List<String>> expected = new TreeMap<>();

    @BeforeAll
    static void startPlatformAndSendTskv() throws Exception {
        Path runnerJar = TestingPlatforms.runnerJar();
        assertThat(runnerJar).as("runner jar (mvn -pl flotilla-runner package)").isRegularFile();
        platform =
                TestingPlatforms.start(
                        TestingPlatforms.freshHome("kafka-formats"), 1, "--kafka", "true");
        bootstrap = platform.kafka().orElseThrow().bootstrap();
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin a = Admin.create(admin)) {
            a.createTopics(
                            List.of(
                                    new NewTopic("events-tskv", 1, (short) 1),
                                    new NewTopic("events-yson", 1, (short) 1),
                                    new NewTopic("events-back", 1, (short) 1)))
                    .all()
                    .get();
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (long id = 1; id <= RECORDS; id++) {
                String name = "Rider-" + id + (id % 3 == 0 ? " Ünï=x" : "");
                double amount = id * 1.25;
                boolean ok = id % 2 == 0;
                producer.send(
                                new ProducerRecord<>(
                                        "events-tskv",
                                        "tskv\tid="
                                                + id
                                                + "\tname="
                                                + name
                                                + "\tamount="
                                                + amount
                                                + "\tok="
                                                + ok))
                        .get();
                expected.put(
                        id,
                        List.of(
                                String.valueOf(id),
                                name.toLowerCase(java.util.Locale.ROOT),
                                String.valueOf(amount),
                                String.valueOf(ok)));
            }
        }
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
    void tskvGoesToYsonAndBackRecordByRecord() throws Exception {
        List<byte[]> yson = run("classpath:jobs/tskv-to-yson.yaml", "events-yson");
        assertThat(yson).hasSize(RECORDS);
        for (byte[] record : yson) {
            // Binary YSON: a map, never a text line.
            assertThat(record[0]).isEqualTo((byte) '{');
            assertThat(new String(record, StandardCharsets.UTF_8)).doesNotContain("tskv");
        }

        Map<Long, List<String>> back = new TreeMap<>();
        for (byte[] record : run("classpath:jobs/yson-to-tskv.yaml", "events-back")) {
            Map<String, String> fields = tskv(new String(record, StandardCharsets.UTF_8));
            long id = Long.parseLong(fields.get("id"));
            back.put(
                    id,
                    List.of(
                            fields.get("id"),
                            fields.get("name"),
                            String.valueOf(Double.parseDouble(fields.get("amount"))),
                            fields.get("ok")));
        }
        assertThat(back).containsExactlyEntriesOf(expected);
    }

    /**
     * Runs {@code job} from the runner jar until {@code topic} holds every record, then cancels.
     */
    private static List<byte[]> run(String job, String topic) throws Exception {
        String jobId = JobID.generate().toHexString();
        sidecar.submit(
                new JobApi.SubmitRequest(
                        new JobApi.ArtifactRef(runner.uri(), runner.sha256()),
                        "io.flotilla.runner.Runner",
                        List.of("--job", job, "--kafka-bootstrap-servers", bootstrap),
                        1,
                        jobId,
                        null,
                        null));
        try {
            SidecarWaits.until(
                    sidecar, jobId, KafkaITCase.WAIT, "RUNNING", j -> j.status().equals("RUNNING"));
            return consume(topic, RECORDS);
        } finally {
            sidecar.await(sidecar.cancel(jobId), KafkaITCase.WAIT);
        }
    }

    private static List<byte[]> consume(String topic, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName());
        props.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName());
        List<byte[]> out = new ArrayList<>();
        long deadline = System.nanoTime() + KafkaITCase.WAIT.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            TopicPartition p = new TopicPartition(topic, 0);
            consumer.assign(List.of(p));
            consumer.seekToBeginning(List.of(p));
            while (out.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    out.add(r.value());
                }
            }
        }
        return out;
    }

    private static Map<String, String> tskv(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : line.strip().split("\t")) {
            int eq = field.indexOf('=');
            if (eq > 0) {
                fields.put(field.substring(0, eq), field.substring(eq + 1));
            }
        }
        return fields;
    }
}
