package io.flotilla.supervisor.model;

import java.time.Instant;

/**
 * A new version started from a savepoint and not yet proven: it must be RUNNING with a completed
 * checkpoint of its own by {@code deadline}, or {@code from} starts again from the same savepoint.
 */
public record Release(
        DeploymentSpec from,
        long toGeneration,
        String savepoint,
        Instant startedAt,
        Instant deadline) {}
