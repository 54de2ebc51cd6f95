package io.flotilla.supervisor.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code POST /v1/deployments/{name}/releases}: a new version; {@code upgradeMode} as in {@link
 * UpgradeMode}.
 *
 * @param lineage the new version's lineage and compiled plan (DSL jobs), stored by the release;
 *     with a plan, the release is refused (409 {@code state_loss}) when it would lose state of the
 *     running version's plan
 * @param allowStateLoss go ahead even so: the job is submitted with allowNonRestoredState, and the
 *     release's event records what is dropped
 */
public record ReleaseRequest(
        String version,
        String artifactUri,
        String artifactSha256,
        @Schema(implementation = UpgradeMode.class) String upgradeMode,
        Long expectedGeneration,
        Lineage lineage,
        Boolean allowStateLoss) {

    /** A release without lineage, refused if it would lose state of a checked plan. */
    public ReleaseRequest(
            String version,
            String artifactUri,
            String artifactSha256,
            String upgradeMode,
            Long expectedGeneration) {
        this(version, artifactUri, artifactSha256, upgradeMode, expectedGeneration, null, null);
    }
}
