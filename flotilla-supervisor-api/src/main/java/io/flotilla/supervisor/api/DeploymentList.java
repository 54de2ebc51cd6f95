package io.flotilla.supervisor.api;

import java.util.List;

/**
 * {@code GET /v1/deployments}: the deployments asked for; with the query parameters phase, cluster,
 * owner, q (part of the name), sort (a column: name, phase, cluster, version, owner, retries or
 * updated; '-' first to reverse), offset and limit (1-1000, 50 by default) a page of them, {@code
 * total} counting all that match. Without them, every deployment (limit null).
 */
public record DeploymentList(
        List<DeploymentView> deployments, long total, int offset, Integer limit) {

    /** Every deployment, unpaged. */
    public DeploymentList(List<DeploymentView> deployments) {
        this(deployments, deployments.size(), 0, null);
    }
}
