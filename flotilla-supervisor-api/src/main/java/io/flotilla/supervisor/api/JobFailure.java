package io.flotilla.supervisor.api;

import java.time.Instant;

/**
 * One failure of a job as Flink recorded it: {@code cause} is the innermost cause's line of the
 * stack trace (what went wrong, in one line).
 */
public record JobFailure(
        Instant time,
        String exception,
        String cause,
        String stacktrace,
        String taskName,
        String taskManager) {}
