package io.flotilla.dsl.upgrade;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.node.ObjectNode;

/** A compiled plan's exec nodes and edges, read from Flink's plan JSON. */
final class PlanGraph {

    static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root;
    private final Map<Integer, PlanNode> nodes = new LinkedHashMap<>();
    private final Map<Integer, List<Integer>> inputs = new TreeMap<>();

    private PlanGraph(ObjectNode root) {
        this.root = root;
        for (JsonNode json : root.path("nodes")) {
            PlanNode node = new PlanNode(json.path("id").asInt(), (ObjectNode) json);
            nodes.put(node.id(), node);
            inputs.put(node.id(), new ArrayList<>());
        }
        // Edges are listed in input order, which is what keeps a join's left and right apart.
        for (JsonNode edge : root.path("edges")) {
            int target = edge.path("target").asInt();
            inputs.computeIfAbsent(target, t -> new ArrayList<>()).add(edge.path("source").asInt());
        }
    }

    /** Parses {@code json}; {@code which} names the plan in the error ("old plan", "new plan"). */
    static PlanGraph parse(String json, String which) {
        JsonNode root;
        try {
            root = JSON.readTree(json == null ? "" : json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    which
                            + " is not JSON at line "
                            + e.getLocation().getLineNr()
                            + ", column "
                            + e.getLocation().getColumnNr()
                            + ": pass the text of CompiledPlan.asJsonString()",
                    e);
        }
        if (root == null || !root.isObject() || !root.path("nodes").isArray()) {
            throw new IllegalArgumentException(
                    which
                            + " has no \"nodes\" array: pass the text of"
                            + " CompiledPlan.asJsonString(), not a SQL statement or an EXPLAIN");
        }
        return new PlanGraph((ObjectNode) root);
    }

    ObjectNode root() {
        return root;
    }

    /** Nodes in plan order, which Flink writes inputs-first. */
    List<PlanNode> nodes() {
        return List.copyOf(nodes.values());
    }

    PlanNode node(int id) {
        return nodes.get(id);
    }

    List<PlanNode> inputsOf(PlanNode node) {
        return inputs.getOrDefault(node.id(), Collections.emptyList()).stream()
                .map(nodes::get)
                .toList();
    }

    /** The types of the fields of input {@code ordinal} of {@code node}. */
    List<String> inputTypes(PlanNode node, int ordinal) {
        List<PlanNode> in = inputsOf(node);
        return ordinal < in.size()
                ? RowFields.types(in.get(ordinal).json().path("outputType"))
                : List.of();
    }

    String toJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plan cannot be written back as JSON", e);
        }
    }
}
