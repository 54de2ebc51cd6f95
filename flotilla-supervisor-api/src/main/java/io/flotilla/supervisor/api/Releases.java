package io.flotilla.supervisor.api;

import java.util.List;

/** {@code GET /v1/deployments/{name}/releases}: the one in progress first, then the audit log's. */
public record Releases(String deployment, List<ReleaseView> releases) {}
