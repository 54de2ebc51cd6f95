package io.flotilla.supervisor.model;

import java.time.Instant;

/** One line of the append-only audit log: what the supervisor saw or did to a deployment. */
public record Event(
        String deployment, Instant at, String type, String message, long fencingToken) {}
