package io.flotilla.dsl.upgrade;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;

/**
 * Follows a field of a node's input back through projections to the source column or expression it
 * comes from, so a column renamed or moved on its way keeps its identity while a key that now reads
 * another column does not.
 */
final class FieldOrigins {

    /** Kinds that pass their input's fields through at the same positions. */
    private static final Set<String> PASS_THROUGH =
            Set.of(
                    "exchange",
                    "watermark-assigner",
                    "mini-batch-assigner",
                    "drop-update-before",
                    "changelog-normalize");

    private FieldOrigins() {}

    /** Each field of input {@code ordinal} of {@code node} as {@code origin TYPE}. */
    static List<String> of(PlanGraph plan, PlanNode node, int ordinal) {
        List<PlanNode> inputs = plan.inputsOf(node);
        if (ordinal >= inputs.size()) {
            return List.of();
        }
        PlanNode input = inputs.get(ordinal);
        List<String> types = RowFields.types(input.json().path("outputType"));
        List<String> result = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            result.add(origin(plan, input, i) + " " + types.get(i));
        }
        return result;
    }

    /** Where each field of input {@code ordinal} of {@code node} comes from, without types. */
    static List<String> names(PlanGraph plan, PlanNode node, int ordinal) {
        List<PlanNode> inputs = plan.inputsOf(node);
        List<String> result = new ArrayList<>();
        if (ordinal < inputs.size()) {
            PlanNode input = inputs.get(ordinal);
            int width = RowFields.types(input.json().path("outputType")).size();
            for (int i = 0; i < width; i++) {
                result.add(origin(plan, input, i));
            }
        }
        return result;
    }

    /** Where field {@code index} of {@code node}'s output comes from. */
    static String origin(PlanGraph plan, PlanNode node, int index) {
        List<PlanNode> inputs = plan.inputsOf(node);
        if (node.kind().equals("calc") && !inputs.isEmpty()) {
            JsonNode projection = node.json().path("projection");
            if (index < projection.size()) {
                return render(plan, inputs.get(0), projection.get(index));
            }
        }
        if (PASS_THROUGH.contains(node.kind()) && !inputs.isEmpty()) {
            return origin(plan, inputs.get(0), index);
        }
        List<String> names = RowFields.names(node.json().path("outputType"));
        return index < names.size() ? names.get(index) : "#" + index;
    }

    private static String render(PlanGraph plan, PlanNode input, JsonNode rex) {
        switch (rex.path("kind").asText()) {
            case "INPUT_REF":
                return origin(plan, input, rex.path("inputIndex").asInt());
            case "LITERAL":
                return rex.path("value").asText("NULL");
            case "CALL":
                List<String> operands = new ArrayList<>();
                rex.path("operands").forEach(o -> operands.add(render(plan, input, o)));
                String function =
                        rex.has("internalName")
                                ? rex.path("internalName")
                                        .asText()
                                        .replaceAll("^\\$(.*)\\$\\d+$", "$1")
                                : rex.path("systemName")
                                        .asText(rex.path("catalogName").asText("?"));
                return function + "(" + String.join(", ", operands) + ")";
            default:
                return rex.toString();
        }
    }
}
