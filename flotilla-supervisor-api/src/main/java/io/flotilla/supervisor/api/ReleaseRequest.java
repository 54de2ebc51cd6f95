package io.flotilla.supervisor.api;

/**
 * {@code POST /v1/deployments/{name}/releases}: a new version; {@code upgradeMode} as in {@link
 * UpgradeMode}.
 */
public record ReleaseRequest(
        String version,
        String artifactUri,
        String artifactSha256,
        String upgradeMode,
        Long expectedGeneration) {}
