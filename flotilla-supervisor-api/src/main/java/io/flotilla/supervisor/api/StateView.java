package io.flotilla.supervisor.api;

import java.util.List;

/**
 * {@code GET /v1/deployments/{name}/state}: the state pinned for restores, the retention, and what
 * the deployment's jobs left in the store.
 *
 * @param stored every checkpoint and savepoint of the deployment's jobs in its clusters' state
 *     prefixes, newest first, with sizes
 * @param unlisted the clusters whose state could not be listed now, each with the reason
 */
public record StateView(
        String deployment,
        List<String> pinned,
        RetentionView retention,
        List<StoredStateView> stored,
        List<String> unlisted) {}
