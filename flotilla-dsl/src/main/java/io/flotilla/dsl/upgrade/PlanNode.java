package io.flotilla.dsl.upgrade;

import java.util.Set;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.node.ObjectNode;

/** One exec node of a compiled plan: its id, kind and JSON. */
record PlanNode(int id, ObjectNode json) {

    /**
     * Kinds that keep state but do not list it in the plan's {@code state} field (Flink only lists
     * state that a TTL applies to).
     */
    private static final Set<String> STATEFUL_KINDS =
            Set.of(
                    "window-aggregate",
                    "global-window-aggregate",
                    "group-window-aggregate",
                    "window-join",
                    "window-rank",
                    "window-deduplicate",
                    "interval-join",
                    "temporal-join",
                    "temporal-sort",
                    "over-aggregate",
                    "match",
                    "process-table-function");

    /**
     * The kind without prefix and version: {@code stream-exec-group-aggregate_1} -> {@code
     * group-aggregate}.
     */
    String kind() {
        String type = json.path("type").asText();
        int version = type.lastIndexOf('_');
        String base = version > 0 ? type.substring(0, version) : type;
        return base.replaceFirst("^(stream|batch)-exec-", "");
    }

    boolean isSource() {
        return kind().equals("table-source-scan");
    }

    boolean isSink() {
        return kind().equals("sink");
    }

    boolean isStateful() {
        JsonNode state = json.path("state");
        return (state.isArray() && !state.isEmpty()) || STATEFUL_KINDS.contains(kind());
    }

    /** Sources, sinks and stateful nodes: the nodes whose identity must survive an upgrade. */
    boolean isAnchor() {
        return isSource() || isSink() || isStateful();
    }

    /** The catalog table a source or sink reads or writes, or empty. */
    String table() {
        JsonNode table =
                isSource()
                        ? json.path("scanTableSource").path("table")
                        : json.path("dynamicTableSink").path("table");
        return table.path("identifier").asText("");
    }

    /** What Flink calls the node in the plan's description, e.g. {@code GroupAggregate}. */
    String label() {
        String description = json.path("description").asText(kind());
        int paren = description.indexOf('(');
        return paren > 0 ? description.substring(0, paren) : description;
    }
}
