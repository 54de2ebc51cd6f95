package io.flotilla.supervisor.api;

import java.time.Duration;

/**
 * How much state a deployment keeps, and how often it takes a savepoint while running (null:
 * never); a null part of the keeping takes the platform's default.
 */
public record RetentionView(Integer keepSavepoints, Duration maxAge, Duration savepointEvery) {}
