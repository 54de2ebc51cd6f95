package io.flotilla.supervisor.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /v1/clusters}: a session cluster's sidecar and where its token comes from. */
public record RegisterClusterRequest(
        String name,
        String sidecarUrl,
        @Schema(description = "env:VARIABLE or file:/path; never the token") String tokenRef,
        @Schema(description = "task slots, or null/0 to use what its sidecar reports")
                Integer slots,
        @Schema(
                        description =
                                "the pool it joins (specs with cluster pool:NAME are placed on its"
                                        + " members), or null")
                String pool) {}
