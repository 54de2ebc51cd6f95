package io.flotilla.supervisor.api;

/**
 * {@code GET /health}: UP or DEGRADED, whether this supervisor leads (and its fencing token), and
 * what its last tick did.
 */
public record Health(
        String status,
        String holder,
        Boolean leader,
        Long fencingToken,
        Object lastStep,
        Object lastTick,
        String error) {}
