package io.flotilla.local;

/** What one local session cluster is made of. */
public record ClusterSpec(
        String name, int slots, String jobManagerMemory, String taskManagerMemory) {}
