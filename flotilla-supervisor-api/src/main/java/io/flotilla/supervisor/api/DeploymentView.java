package io.flotilla.supervisor.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A deployment as the API shows it: desired spec, last reconciled spec and status; {@code
 * createdAt} when it was created and {@code updatedAt} when its spec or status last changed.
 */
public record DeploymentView(
        String name,
        long generation,
        Phase phase,
        String cluster,
        SpecView spec,
        SpecView lastReconciledSpec,
        StatusView status,
        @Schema(description = "when the deployment was created") Instant createdAt,
        @Schema(description = "when its spec or status last changed") Instant updatedAt) {}
