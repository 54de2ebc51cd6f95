package io.flotilla.supervisor.api;

import java.time.Instant;

/** A release being proven: the spec it replaced, its savepoint and its deadline. */
public record ReleaseInProgress(
        SpecView from, long toGeneration, String savepoint, Instant startedAt, Instant deadline) {}
