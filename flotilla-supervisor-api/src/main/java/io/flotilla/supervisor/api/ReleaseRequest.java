package io.flotilla.supervisor.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code POST /v1/deployments/{name}/releases}: a new version; {@code upgradeMode} as in {@link
 * UpgradeMode}.
 */
public record ReleaseRequest(
        String version,
        String artifactUri,
        String artifactSha256,
        @Schema(implementation = UpgradeMode.class) String upgradeMode,
        Long expectedGeneration) {}
