package io.flotilla.supervisor.api;

/** {@code DELETE /v1/deployments/{name}}: the deployment deleted. */
public record Deleted(String deleted) {}
