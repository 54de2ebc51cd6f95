package io.flotilla.local;

import java.time.Duration;

/** What one local session cluster is made of. */
public record ClusterSpec(
        String name,
        int slots,
        String jobManagerMemory,
        String taskManagerMemory,
        Duration checkpointInterval) {

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
