package io.flotilla.local;

import io.flotilla.common.Setting;
import io.flotilla.common.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Every setting of the local platform, and the parsing of {@code --name value} options. */
public final class LocalSettings {

    public static final Setting<String> HOME =
            Setting.string(
                    "home",
                    ".flotilla",
                    "Run folder: logs, Flink configs, S3 and PostgreSQL data, platform.json. Also"
                            + " FLOTILLA_HOME.");
    public static final Setting<Integer> CLUSTERS =
            Setting.integer("clusters", 2, 1, 16, "Number of Flink session clusters to start.");
    public static final Setting<Integer> SLOTS =
            Setting.integer("slots", 4, 1, 64, "Task slots of each cluster's TaskManager.");
    public static final Setting<String> JOBMANAGER_MEMORY =
            Setting.string("jobmanager-memory", "768m", "Process memory of each JobManager JVM.");
    public static final Setting<String> TASKMANAGER_MEMORY =
            Setting.string(
                    "taskmanager-memory", "1280m", "Process memory of each TaskManager JVM.");
    public static final Setting<Integer> S3_PORT =
            Setting.integer(
                    "s3-port",
                    0,
                    0,
                    65535,
                    "Port of the local S3 store (s3proxy); 0 picks a free one.");
    public static final Setting<String> S3_ENDPOINT =
            Setting.string(
                    "s3-endpoint",
                    "",
                    "Use this S3 endpoint instead of starting s3proxy, e.g. http://10.0.0.5:9000.");
    public static final Setting<String> S3_ACCESS_KEY =
            Setting.string(
                    "s3-access-key", "flotilla", "S3 access key. Also FLOTILLA_S3_ACCESS_KEY.");
    public static final Setting<String> S3_SECRET_KEY =
            Setting.string(
                    "s3-secret-key",
                    "flotilla-local-secret",
                    "S3 secret key; never logged. Also FLOTILLA_S3_SECRET_KEY.");
    public static final Setting<Integer> POSTGRES_PORT =
            Setting.integer(
                    "postgres-port",
                    0,
                    0,
                    65535,
                    "Port of the embedded PostgreSQL; 0 picks a free one.");
    public static final Setting<String> JDBC_URL =
            Setting.string(
                    "jdbc-url",
                    "",
                    "Use this PostgreSQL instead of the embedded one, e.g."
                            + " jdbc:postgresql://db:5432/flotilla. Also FLOTILLA_JDBC_URL.");
    public static final Setting<String> JDBC_USER =
            Setting.string(
                    "jdbc-user", "postgres", "User for --jdbc-url. Also FLOTILLA_JDBC_USER.");
    public static final Setting<String> JDBC_PASSWORD =
            Setting.string(
                    "jdbc-password",
                    "",
                    "Password for --jdbc-url; never logged. Also FLOTILLA_JDBC_PASSWORD.");
    public static final Setting<Boolean> KAFKA =
            Setting.bool(
                    "kafka",
                    true,
                    "Start a local Kafka broker (KRaft, its own JVM); false saves its start-up and"
                            + " ~300 MB.");
    public static final Setting<Integer> KAFKA_PORT =
            Setting.integer(
                    "kafka-port",
                    0,
                    0,
                    65535,
                    "Port of the local Kafka broker's client listener; 0 picks a free one.");
    public static final Setting<List<String>> KAFKA_TOPICS =
            Setting.list(
                    "kafka-topics",
                    List.of("orders", "order_stats"),
                    "Topics created at start (comma-separated); the broker creates no others.");
    public static final Setting<Integer> KAFKA_PARTITIONS =
            Setting.integer(
                    "kafka-partitions", 1, 1, 64, "Partitions of each topic created at start.");
    public static final Setting<Duration> CHECKPOINT_INTERVAL =
            Setting.duration(
                    "checkpoint-interval",
                    Duration.ofSeconds(10),
                    "Default checkpoint interval of every cluster's jobs (a deployment's spec may set"
                            + " its own); checkpoints are retained on cancellation.");
    public static final Setting<Duration> LOST_AFTER =
            Setting.duration(
                    "lost-after",
                    Duration.ofSeconds(30),
                    "How long a cluster must be unreachable before it may be declared lost.");
    public static final Setting<Boolean> HA =
            Setting.bool(
                    "ha",
                    false,
                    "Run two supervisor JVMs sharing the leader lease in PostgreSQL (one leads, one"
                            + " stands by), as in production; false runs one.");

    public static final Setting<List<String>> FLINK_VERSIONS =
            Setting.list(
                    "flink-versions",
                    List.of(),
                    "Flink version of each cluster in order (cluster-1 first), e.g. 2.0.0,2.3.0;"
                            + " clusters past the list run the base version. This build has 2.0.0"
                            + " and the one flotilla-local-flink-next resolves.");

    public static final Setting<Boolean> FLINK_QUICK_START =
            Setting.bool(
                    "flink-quick-start",
                    true,
                    "Run the Flink JVMs with the quick JIT only (-XX:TieredStopAtLevel=1): a cluster"
                            + " starts in about half the time and CPU on a small machine, while"
                            + " heavy jobs run slower; false for full-speed jobs.");

    public static final List<Setting<?>> ALL =
            List.of(
                    HOME,
                    CLUSTERS,
                    SLOTS,
                    JOBMANAGER_MEMORY,
                    TASKMANAGER_MEMORY,
                    S3_PORT,
                    S3_ENDPOINT,
                    S3_ACCESS_KEY,
                    S3_SECRET_KEY,
                    POSTGRES_PORT,
                    JDBC_URL,
                    JDBC_USER,
                    JDBC_PASSWORD,
                    KAFKA,
                    KAFKA_PORT,
                    KAFKA_TOPICS,
                    KAFKA_PARTITIONS,
                    CHECKPOINT_INTERVAL,
                    LOST_AFTER,
                    HA,
                    FLINK_VERSIONS,
                    FLINK_QUICK_START);

    private final Settings values;

    private LocalSettings(Settings values) {
        this.values = values;
    }

    /**
     * Reads {@code --name value} pairs, then {@code FLOTILLA_NAME} environment variables, then
     * defaults. An unknown option or a bad value fails with the option's name and the fix.
     */
    public static LocalSettings parse(List<String> args, Map<String, String> env) {
        return new LocalSettings(Settings.parse(ALL, "FLOTILLA", args, env));
    }

    /** The value of a setting: given, from the environment, or its default. */
    public <T> T get(Setting<T> setting) {
        return values.get(setting);
    }

    /** The settings as a Markdown table, for docs/configuration.md and {@code --help}. */
    public static String markdownTable() {
        return Settings.markdownTable(ALL);
    }
}
