package io.flotilla.supervisor.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /v1/clusters}: a session cluster's sidecar and where its token comes from. */
public record RegisterClusterRequest(
        String name,
        String sidecarUrl,
        @Schema(description = "env:VARIABLE or file:/path; never the token") String tokenRef,
        @Schema(description = "task slots the cluster offers (default 4)") Integer slots) {}
