package io.flotilla.local;

import java.time.Duration;

/** What one local session cluster is made of; a null {@code flinkVersion} is the base one. */
public record ClusterSpec(
        String name,
        int slots,
        String jobManagerMemory,
        String taskManagerMemory,
        Duration checkpointInterval,
        String flinkVersion) {

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
