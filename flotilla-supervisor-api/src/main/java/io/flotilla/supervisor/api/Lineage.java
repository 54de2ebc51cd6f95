package io.flotilla.supervisor.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * {@code PUT/GET /v1/deployments/{name}/lineage/{version}}: the document the DSL derives from the
 * job's plan ({@code bin/flotilla validate} prints it).
 *
 * @param plan the version's compiled plan ({@code CompiledPlan.asJsonString()}), stored by its
 *     release so that the next release can be checked for state it would lose; or null
 */
@Schema(description = "What the DSL derives from the job's plan (bin/flotilla validate prints it).")
public record Lineage(
        String job,
        String declaredBy,
        List<LineageTable> reads,
        List<LineageTable> writes,
        String plan) {

    /** Lineage without a compiled plan. */
    public Lineage(
            String job, String declaredBy, List<LineageTable> reads, List<LineageTable> writes) {
        this(job, declaredBy, reads, writes, null);
    }
}
