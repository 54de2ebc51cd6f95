package io.flotilla.local.demo;

import io.flotilla.local.Artifacts;
import io.flotilla.local.LocalPlatform;
import io.flotilla.local.Progress;
import io.flotilla.local.process.FlinkCluster;
import io.flotilla.local.process.PlatformException;
import io.flotilla.supervisor.api.DeploymentRequest;
import io.flotilla.supervisor.api.DeploymentView;
import io.flotilla.supervisor.api.Phase;
import io.flotilla.supervisor.api.SupervisorClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The demo's second job, as the seed has it: the YAML+SQL orders job from the runner jar, deployed
 * through the supervisor, reading JSON orders that a feed writes to Kafka and writing the average
 * cost per name of every 10-second window to {@code order_stats}.
 */
public final class KafkaDemo {

    public static final String RUNNER_JAR_PROPERTY = "flotilla.runner.jar";
    static final String DEPLOYMENT = "orders-dsl";
    static final String RUNNER_CLASS = "io.flotilla.runner.Runner";

    private final LocalPlatform platform;
    private final String bootstrap;
    private final Progress progress;

    KafkaDemo(LocalPlatform platform, String bootstrap, Progress progress) {
        this.platform = platform;
        this.bootstrap = bootstrap;
        this.progress = progress;
    }

    /** The runner jar named by bin/flotilla, or null when it is not built. */
    static Path runnerJar() {
        String configured = System.getProperty(RUNNER_JAR_PROPERTY, "");
        Path jar = Path.of(configured);
        return !configured.isEmpty() && Files.isRegularFile(jar) ? jar : null;
    }

    void run(SupervisorClient api, Path runnerJar, FlinkCluster cluster) {
        Thread feed =
                new Thread(
                        () ->
                                new OrdersFeed(42, Instant.now(), Duration.ofMillis(100))
                                        .sendForever(bootstrap, "orders", 10),
                        "flotilla-demo-orders-feed");
        feed.setDaemon(true);
        feed.start();
        progress.step("orders feed writing 10 JSON orders a second to Kafka topic 'orders'");

        Artifacts.Published artifact;
        try (S3Client s3 = platform.s3().client()) {
            artifact = Artifacts.publish(s3, runnerJar, "runner");
        }
        progress.step("published the runner jar as " + artifact.uri());
        DeploymentRequest spec =
                DeploymentRequest.create(
                        DEPLOYMENT,
                        "team-orders",
                        "examples/orders (jobs/orders.yaml)",
                        "1",
                        artifact.uri(),
                        artifact.sha256(),
                        RUNNER_CLASS,
                        List.of(
                                "--job",
                                "classpath:jobs/orders.yaml",
                                "--kafka-bootstrap-servers",
                                bootstrap,
                                "--window-seconds",
                                "10"),
                        cluster.name());
        Demo.create(api, spec);
        progress.step(
                "deployment '"
                        + DEPLOYMENT
                        + "' (YAML+SQL job from the runner jar) created on "
                        + cluster.name());
        Demo.until(api, DEPLOYMENT, "RUNNING", d -> d.phase() == Phase.RUNNING);
        progress.step("'" + DEPLOYMENT + "' is RUNNING; waiting for its first window ...");
        String first = firstResult();
        progress.step("first aggregate in Kafka topic 'order_stats': " + first);
        // The DSL job sets no checkpoint interval of its own: the cluster's default applies.
        DeploymentView d =
                Demo.until(
                        api,
                        DEPLOYMENT,
                        "a completed checkpoint",
                        x -> x.status().lastCheckpoint() != null);
        progress.step("first checkpoint completed: " + d.status().lastCheckpoint());
    }

    /** The first record of {@code order_stats}, within two minutes. */
    private String firstResult() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "flotilla-demo");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of("order_stats"));
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(1))) {
                    return r.value();
                }
            }
        }
        throw new PlatformException(
                "no aggregate reached 'order_stats' within 2 minutes: see the cluster's logs");
    }
}
