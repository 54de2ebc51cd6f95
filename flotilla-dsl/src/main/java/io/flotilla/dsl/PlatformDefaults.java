package io.flotilla.dsl;

import io.flotilla.common.Setting;
import io.flotilla.common.Settings;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;

/**
 * What every job on the platform shares and no job declares: the Kafka bootstrap servers, and
 * checkpointing and state settings that, when left empty, come from the session cluster's config.
 */
public record PlatformDefaults(
        String kafkaBootstrapServers,
        String checkpointInterval,
        String stateBackend,
        String checkpointDir,
        Secrets secrets) {

    /** Defaults without secrets, as validate and tests plan jobs. */
    public PlatformDefaults(
            String kafkaBootstrapServers,
            String checkpointInterval,
            String stateBackend,
            String checkpointDir) {
        this(
                kafkaBootstrapServers,
                checkpointInterval,
                stateBackend,
                checkpointDir,
                Secrets.none());
    }

    public static final Setting<String> KAFKA_BOOTSTRAP_SERVERS =
            Setting.string(
                    "kafka-bootstrap-servers",
                    "localhost:9092",
                    "Kafka brokers for every kafka and upsert-kafka table that sets no"
                            + " properties.bootstrap.servers. Also FLOTILLA_KAFKA_BOOTSTRAP_SERVERS.");
    public static final Setting<String> CHECKPOINT_INTERVAL =
            Setting.string(
                    "checkpoint-interval",
                    "",
                    "Checkpoint interval of the job, e.g. 10s; empty takes the cluster's.");
    public static final Setting<String> STATE_BACKEND =
            Setting.string(
                    "state-backend",
                    "",
                    "State backend (hashmap or rocksdb); empty takes the cluster's.");
    public static final Setting<String> CHECKPOINT_DIR =
            Setting.string(
                    "checkpoint-dir",
                    "",
                    "Where checkpoints go, e.g. s3://flotilla-state/cluster-1/checkpoints; empty"
                            + " takes the cluster's.");

    /** Every platform option of a job run, in the order of docs/configuration.md. */
    public static final List<Setting<?>> ALL =
            List.of(KAFKA_BOOTSTRAP_SERVERS, CHECKPOINT_INTERVAL, STATE_BACKEND, CHECKPOINT_DIR);

    /**
     * Reads {@code --name value} options and {@code FLOTILLA_*} variables over the defaults; the
     * tables' secret options are read from {@code env} too.
     */
    public static PlatformDefaults resolve(List<String> args, Map<String, String> env) {
        Settings s = Settings.parse(ALL, "FLOTILLA", args, env);
        return new PlatformDefaults(
                s.get(KAFKA_BOOTSTRAP_SERVERS),
                s.get(CHECKPOINT_INTERVAL),
                s.get(STATE_BACKEND),
                s.get(CHECKPOINT_DIR),
                Secrets.of(env));
    }

    /** The defaults alone, as a test or validate run without any environment sees them. */
    public static PlatformDefaults local() {
        return resolve(List.of(), Map.of());
    }

    /** Sets only what was given, so that the session cluster's own config decides the rest. */
    public void applyTo(Configuration conf) {
        if (!checkpointInterval.isEmpty()) {
            conf.setString("execution.checkpointing.interval", checkpointInterval);
        }
        if (!stateBackend.isEmpty()) {
            conf.setString("state.backend.type", stateBackend);
        }
        if (!checkpointDir.isEmpty()) {
            conf.setString("execution.checkpointing.dir", checkpointDir);
        }
    }

    /** The Markdown table of these options, for docs/configuration.md. */
    public static String markdownTable() {
        return Settings.markdownTable(ALL);
    }
}
