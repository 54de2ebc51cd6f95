package io.flotilla.supervisor.api;

import java.time.Instant;

/** The side effect a deployment has in flight, persisted before it was taken. */
public record IntentView(
        IntentStep step,
        String jobId,
        String cluster,
        SpecView spec,
        String restorePath,
        ReleaseInProgress release,
        String operationId,
        Instant startedAt,
        long fencingToken) {}
