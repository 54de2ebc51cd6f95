package io.flotilla.local.process;

import io.flotilla.local.LocalSettings;
import java.time.Duration;

/**
 * What one local session cluster is made of; a null {@code flinkVersion} is the base one.
 *
 * @param quickStart whether its JVMs compile with C1 only ({@link LocalSettings#FLINK_QUICK_START})
 */
public record ClusterSpec(
        String name,
        int slots,
        String jobManagerMemory,
        String taskManagerMemory,
        Duration checkpointInterval,
        String flinkVersion,
        boolean quickStart) {

    /** A cluster of {@code flinkVersion} whose JVMs start quickly. */
    public ClusterSpec(
            String name,
            int slots,
            String jobManagerMemory,
            String taskManagerMemory,
            Duration checkpointInterval,
            String flinkVersion) {
        this(
                name,
                slots,
                jobManagerMemory,
                taskManagerMemory,
                checkpointInterval,
                flinkVersion,
                LocalSettings.FLINK_QUICK_START.defaultValue());
    }

    /** A cluster of the platform's base Flink version. */
    public ClusterSpec(
            String name,
            int slots,
            String jobManagerMemory,
            String taskManagerMemory,
            Duration checkpointInterval) {
        this(name, slots, jobManagerMemory, taskManagerMemory, checkpointInterval, null);
    }

    /** A cluster whose jobs checkpoint every {@link LocalSettings#CHECKPOINT_INTERVAL} default. */
    public ClusterSpec(String name, int slots, String jobManagerMemory, String taskManagerMemory) {
        this(
                name,
                slots,
                jobManagerMemory,
                taskManagerMemory,
                LocalSettings.CHECKPOINT_INTERVAL.defaultValue());
    }
}
