package io.flotilla.supervisor.api;

import java.util.List;

/** {@code GET /v1/deployments}. */
public record DeploymentList(List<DeploymentView> deployments) {}
