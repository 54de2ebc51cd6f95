package io.flotilla.supervisor.api;

import java.time.Instant;

/** One audit log entry. */
public record EventView(
        long id,
        String deployment,
        Instant at,
        String type,
        String message,
        String who,
        long fencingToken) {}
