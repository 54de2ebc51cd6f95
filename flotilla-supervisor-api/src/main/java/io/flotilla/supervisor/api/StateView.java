package io.flotilla.supervisor.api;

import java.util.List;

/** {@code GET /v1/deployments/{name}/state}: the state pinned for restores, and the retention. */
public record StateView(String deployment, List<String> pinned, RetentionView retention) {}
