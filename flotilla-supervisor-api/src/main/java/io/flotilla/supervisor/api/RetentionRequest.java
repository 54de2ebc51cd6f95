package io.flotilla.supervisor.api;

/** Retention in a spec: {@code {"keepSavepoints": 5, "maxAge": "14d"}}. */
public record RetentionRequest(Integer keepSavepoints, String maxAge) {}
