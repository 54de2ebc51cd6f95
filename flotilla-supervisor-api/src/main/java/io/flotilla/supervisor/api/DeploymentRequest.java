package io.flotilla.supervisor.api;

import java.util.List;

/**
 * {@code POST /v1/deployments} (every field but the optional ones required) and {@code PUT
 * /v1/deployments/{name}} (absent fields keep their value; {@code expectedGeneration} required).
 * {@code desiredState} and {@code upgradeMode} are names of {@link DesiredState} and {@link
 * UpgradeMode}, checked by the supervisor so a wrong one gets an error naming the choices.
 */
public record DeploymentRequest(
        String name,
        String owner,
        String module,
        String version,
        String artifactUri,
        String artifactSha256,
        String entryClass,
        List<String> args,
        Integer parallelism,
        String desiredState,
        String upgradeMode,
        String cluster,
        RetentionRequest retention,
        Long expectedGeneration) {}
