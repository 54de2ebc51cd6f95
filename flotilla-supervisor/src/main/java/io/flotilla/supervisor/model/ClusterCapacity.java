package io.flotilla.supervisor.model;

/**
 * What placement knows about one cluster.
 *
 * @param slots its task slots, or 0 when unknown (then nothing is refused for lack of room)
 * @param healthy whether a job may be placed there by choice: answering and not declared lost
 */
public record ClusterCapacity(String name, String pool, int slots, boolean healthy) {}
