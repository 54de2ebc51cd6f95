package io.flotilla.supervisor.api;

import java.time.Instant;

/** One submit of a deployment's job, from the audit log. */
public record Submission(Instant at, String message) {}
