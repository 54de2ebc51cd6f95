package io.flotilla.dsl.upgrade;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;

/**
 * What of a node's configuration shapes the state it keeps, as named aspects ("group keys",
 * "aggregate functions", "window", ...) with comparable values.
 *
 * <p>Indexes into the input row are resolved to where the fields come from and their types, so a
 * projection that only moves or adds columns upstream does not look like a change, while a key that
 * becomes another column does.
 */
final class StateSignature {

    /** Kinds that keep whole input rows in state, so any change of their input rows matters. */
    private static final Set<String> KEEPS_ROWS =
            Set.of(
                    "join",
                    "deduplicate",
                    "rank",
                    "limit",
                    "sort-limit",
                    "over-aggregate",
                    "changelog-normalize",
                    "interval-join",
                    "temporal-join",
                    "window-join",
                    "window-rank",
                    "window-deduplicate",
                    "temporal-sort",
                    "match",
                    "sink");

    /** Fields that carry no state shape, or that an aspect below already covers. */
    private static final Set<String> NOT_STATE =
            Set.of(
                    "id",
                    "type",
                    "description",
                    "outputType",
                    "inputProperties",
                    "configuration",
                    "state",
                    "grouping",
                    "aggCalls",
                    "aggCallNeedRetractions",
                    "windowing",
                    "window",
                    "namedWindowProperties",
                    "partitionKeys",
                    "partitionSpec",
                    "partition",
                    "joinSpec",
                    "generateUpdateBefore",
                    "scanTableSource",
                    "dynamicTableSink",
                    "inputChangelogMode",
                    "inputUpsertKey",
                    "upsertMaterializeStrategy",
                    "projection",
                    "condition");

    private StateSignature() {}

    /** The aspects of {@code node}'s state, in a stable order; empty for a stateless node. */
    static Map<String, String> of(PlanGraph plan, PlanNode node) {
        Map<String, String> aspects = new LinkedHashMap<>();
        if (!node.isStateful()) {
            return aspects;
        }
        JsonNode json = node.json();
        List<String> in = FieldOrigins.of(plan, node, 0);
        if (json.has("grouping")) {
            aspects.put("group keys", pick(in, json.path("grouping")).toString());
        }
        if (json.has("partitionKeys")) {
            aspects.put("partition keys", pick(in, json.path("partitionKeys")).toString());
        }
        JsonNode partition = partitionFields(json);
        if (partition != null) {
            aspects.put("partition keys", pick(in, partition).toString());
        }
        if (json.has("aggCalls")) {
            aspects.put(
                    "aggregate functions",
                    aggregates(in, json.path("aggCalls"), json.path("aggCallNeedRetractions"))
                            .toString());
        }
        JsonNode windowing = json.path("windowing");
        if (windowing.has("window")) {
            aspects.put(
                    "window",
                    windowing.path("window").toString()
                            + (windowing.path("isRowtime").asBoolean() ? " on event time" : ""));
        } else if (json.has("window")) {
            aspects.put("window", json.path("window").toString());
        }
        JsonNode join = json.path("joinSpec");
        if (!join.isMissingNode()) {
            aspects.put("join type", join.path("joinType").asText());
            aspects.put("left keys", pick(in, join.path("leftKeys")).toString());
            aspects.put(
                    "right keys",
                    pick(FieldOrigins.of(plan, node, 1), join.path("rightKeys")).toString());
        }
        if (KEEPS_ROWS.contains(node.kind())) {
            List<PlanNode> inputs = plan.inputsOf(node);
            for (int i = 0; i < inputs.size(); i++) {
                String name = inputs.size() == 2 ? (i == 0 ? "left rows" : "right rows") : "rows";
                aspects.put(name + " kept in state", plan.inputTypes(node, i).toString());
            }
        }
        List<String> ttl = new ArrayList<>();
        json.path("state")
                .forEach(s -> ttl.add(s.path("name").asText() + "=" + s.path("ttl").asText()));
        if (!ttl.isEmpty()) {
            aspects.put("state TTL", ttl.toString());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!NOT_STATE.contains(field.getKey())) {
                aspects.put("setting " + field.getKey(), field.getValue().toString());
            }
        }
        return aspects;
    }

    /** A rank's or an over window's partition field indexes, or null. */
    static JsonNode partitionFields(JsonNode json) {
        for (String name : new String[] {"partitionSpec", "partition"}) {
            if (json.path(name).has("fields")) {
                return json.path(name).path("fields");
            }
        }
        return null;
    }

    /** The fields of {@code row} at the positions listed in {@code indexes}. */
    static List<String> pick(List<String> row, JsonNode indexes) {
        List<String> picked = new ArrayList<>();
        for (JsonNode index : indexes) {
            int i = index.asInt();
            picked.add(i < row.size() ? row.get(i) : "#" + i);
        }
        return picked;
    }

    /** Each aggregate call as {@code FUNCTION(arg TYPE, ...)}, without its output alias. */
    private static List<String> aggregates(List<String> row, JsonNode calls, JsonNode retracting) {
        List<String> result = new ArrayList<>();
        for (int c = 0; c < calls.size(); c++) {
            JsonNode call = calls.get(c);
            // Internal names look like $COUNT$1: the function and its version.
            String function =
                    call.path("internalName")
                            .asText(call.path("name").asText())
                            .replaceAll("^\\$(.*)\\$\\d+$", "$1");
            String text =
                    function
                            + (call.path("distinct").asBoolean() ? "(DISTINCT " : "(")
                            + String.join(", ", pick(row, call.path("argList")))
                            + ")";
            if (call.path("filterArg").asInt(-1) >= 0) {
                text +=
                        " FILTER "
                                + pick(
                                        row,
                                        PlanGraph.JSON
                                                .createArrayNode()
                                                .add(call.path("filterArg")));
            }
            // A retracting accumulator keeps more state than an appending one.
            result.add(retracting.path(c).asBoolean() ? text + " retracting" : text);
        }
        return result;
    }
}
