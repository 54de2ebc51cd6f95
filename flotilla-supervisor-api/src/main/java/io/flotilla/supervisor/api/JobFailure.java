package io.flotilla.supervisor.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * One failure of a job as Flink recorded it: {@code cause} is the innermost cause's line of the
 * stack trace (what went wrong, in one line).
 */
public record JobFailure(
        Instant time,
        String exception,
        @Schema(description = "the innermost cause's line of the stack trace") String cause,
        String stacktrace,
        String taskName,
        String taskManager) {}
