package io.flotilla.supervisor.api;

import java.time.Instant;

/** A deployment's current run. */
public record RunView(
        String jobId,
        String cluster,
        Phase phase,
        String version,
        String restoredFrom,
        String lastCheckpoint,
        String lastSavepoint,
        int retries,
        Instant nextRetryAt,
        String error) {}
