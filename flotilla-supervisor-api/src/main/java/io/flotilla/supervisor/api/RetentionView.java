package io.flotilla.supervisor.api;

import java.time.Duration;

/** How much state a deployment keeps; a null part takes the platform's default. */
public record RetentionView(Integer keepSavepoints, Duration maxAge) {}
