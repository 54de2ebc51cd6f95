package io.flotilla.supervisor.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A release: the one in progress (with its version, savepoint and deadline), or one the audit log
 * recorded (with when, who and why). Fields a kind does not have are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReleaseView(
        ReleaseStatus status,
        String fromVersion,
        Long toGeneration,
        String savepoint,
        Instant startedAt,
        Instant deadline,
        Instant at,
        String who,
        String reason) {}
