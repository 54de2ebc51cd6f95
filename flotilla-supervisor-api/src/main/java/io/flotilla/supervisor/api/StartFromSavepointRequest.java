package io.flotilla.supervisor.api;

/** {@code POST /v1/deployments/{name}/start-from-savepoint}. */
public record StartFromSavepointRequest(String savepoint, Long expectedGeneration) {}
