package io.flotilla.supervisor.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * {@code PUT/GET /v1/deployments/{name}/lineage/{version}}: the document the DSL derives from the
 * job's plan ({@code bin/flotilla validate} prints it).
 */
@Schema(description = "What the DSL derives from the job's plan (bin/flotilla validate prints it).")
public record Lineage(
        String job, String declaredBy, List<LineageTable> reads, List<LineageTable> writes) {}
