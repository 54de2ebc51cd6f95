package io.flotilla.supervisor.api;

import java.time.Instant;

/** What the supervisor knows and has done about a deployment. */
public record StatusView(
        String jobId,
        Phase phase,
        String lastSavepoint,
        String lastCheckpoint,
        String newestRestorable,
        int retries,
        Instant nextRetryAt,
        long attempts,
        IntentView intent,
        String error,
        ReleaseInProgress release,
        long rolledBackGeneration,
        Instant failureWindowStart,
        int failuresInWindow,
        String unhealthy,
        AttentionView attention,
        /* For WAITING_FOR_SLOTS: why no cluster has room (or the Flink version) for the next job. */
        String waiting) {}
