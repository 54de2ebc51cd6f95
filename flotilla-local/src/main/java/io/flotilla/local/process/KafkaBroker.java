package io.flotilla.local.process;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The platform's Kafka: one KRaft broker that is also its own controller, in its own JVM on
 * loopback, with its log folder in the run folder and its topics created at start.
 */
public final class KafkaBroker implements AutoCloseable {

    private final String bootstrap;
    private final List<String> topics;
    private final int partitions;
    private final ChildProcess process;

    private KafkaBroker(
            String bootstrap, List<String> topics, int partitions, ChildProcess process) {
        this.bootstrap = bootstrap;
        this.topics = topics;
        this.partitions = partitions;
        this.process = process;
    }

    /** Launches the broker; {@link #awaitReady} waits for it and creates the topics. */
    public static KafkaBroker startLocal(
            Distribution dist, RunFolder run, int wantedPort, List<String> topics, int partitions) {
        int port = Ports.pick(wantedPort, "Kafka", "kafka-port");
        int controllerPort = Ports.pick(0, "the Kafka controller", "kafka-port");
        Path data = run.resolve("kafka/data");
        Path props = run.resolve("conf/kafka-server.properties");
        try {
            Files.createDirectories(data);
            Files.createDirectories(props.getParent());
            Files.writeString(props, serverProperties(port, controllerPort, data));
        } catch (IOException e) {
            throw new PlatformException("cannot prepare Kafka folder " + data + ": " + e, e);
        }
        ChildProcess process =
                ChildProcess.startJvm(
                        "kafka",
                        List.of(
                                "-Xms128m",
                                "-Xmx512m",
                                "-XX:+UseSerialGC",
                                "-XX:TieredStopAtLevel=1",
                                "-Dlog4j2.configurationFile="
                                        + dist.target().resolve("classes/kafka-log4j2.properties"),
                                run.watchdogReapFlag()),
                        dist.target().resolve("classes")
                                + java.io.File.pathSeparator
                                + dist.kafkaClasspath(),
                        KafkaBrokerBoot.class.getName(),
                        List.of(props.toString(), clusterId(run.resolve("kafka/cluster.id"))),
                        Map.of(),
                        run.logs().resolve("kafka.log"));
        return new KafkaBroker("127.0.0.1:" + port, List.copyOf(topics), partitions, process);
    }

    public static String serverProperties(int port, int controllerPort, Path data) {
        return String.join(
                "\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:"
                        + port
                        + ",CONTROLLER://127.0.0.1:"
                        + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + data,
                // One broker: every internal topic has one replica.
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // Topics are declared by the platform; a typo in a job's topic fails instead of
                // quietly creating an empty topic.
                "auto.create.topics.enable=false",
                "");
    }

    /**
     * The run folder's KRaft cluster id, made on first start and kept: a formatted log folder only
     * starts under the id it was formatted with.
     */
    public static String clusterId(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                String kept = Files.readString(file).trim();
                // An id that could not have formatted the folder (see newClusterId) is replaced.
                if (!kept.isEmpty() && !kept.startsWith("-")) {
                    return kept;
                }
            }
            String id = newClusterId();
            Files.writeString(file, id);
            return id;
        } catch (IOException e) {
            throw new PlatformException(
                    "cannot keep the Kafka cluster id in " + file + ": " + e, e);
        }
    }

    /**
     * 16 random bytes in URL-safe base64 without padding, never starting with {@code -}: the
     * storage tool's argument parser would take such an id for an option (as Kafka's own {@code
     * Uuid.randomUuid} avoids too).
     */
    public static String newClusterId() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            ByteBuffer bytes = ByteBuffer.allocate(16);
            bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    /** Waits until the broker answers {@code describeCluster}, then creates the missing topics. */
    public void awaitReady(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        Exception last = null;
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline) {
                process.checkAlive();
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    createTopics(admin);
                    return;
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    last = e;
                    S3Store.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new PlatformException("interrupted while waiting for Kafka");
                }
            }
        }
        throw new PlatformException(
                "Kafka at "
                        + bootstrap
                        + " did not answer within "
                        + limit.toSeconds()
                        + " s ("
                        + (last == null ? "no answer" : last.getMessage())
                        + "): see "
                        + process.log());
    }

    private void createTopics(Admin admin) throws ExecutionException, InterruptedException {
        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> missing = new ArrayList<>();
        for (String topic : topics) {
            if (!existing.contains(topic)) {
                missing.add(new NewTopic(topic, partitions, (short) 1));
            }
        }
        try {
            admin.createTopics(missing).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /** An admin client for this broker; the caller closes it. */
    public Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        return Admin.create(props);
    }

    /** {@code host:port} for Kafka clients' {@code bootstrap.servers}. */
    public String bootstrap() {
        return bootstrap;
    }

    public List<String> topics() {
        return topics;
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        // SIGTERM runs Kafka's own controlled shutdown, which flushes the logs.
        process.stop(Duration.ofSeconds(20));
    }
}
