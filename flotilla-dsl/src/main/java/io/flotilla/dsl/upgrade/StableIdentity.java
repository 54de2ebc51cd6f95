package io.flotilla.dsl.upgrade;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.table.api.CompiledPlan;
import org.apache.flink.table.api.PlanReference;
import org.apache.flink.table.api.TableConfig;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.config.ExecutionConfigOptions;
import org.apache.flink.table.api.config.ExecutionConfigOptions.UidGeneration;

/**
 * Gives a job's operators the same uids from one version to the next, so a new version restores the
 * old version's savepoint.
 *
 * <p>Flink names a Table API operator's state by the uid {@code <id>_<transformation>}, where
 * {@code id} is the exec node's id in the compiled plan. The planner draws those ids from one
 * counter per JVM, so the same SQL planned twice in a session cluster's JobManager gets different
 * ids, and plain {@code executeSql} sets no uid at all (Flink then hashes the topology, which any
 * added step upstream shifts). Flotilla therefore runs every job from a compiled plan, and gives
 * each node of a new version's plan the id of the old version's node that plays its part (see
 * {@link PlanMatcher}) when their state has the same shape; other nodes get ids the old plan never
 * used, so Flink refuses the restore instead of handing a changed operator incompatible state.
 */
public final class StableIdentity {

    /** Flink's default, pinned so a change of default never silently renames every operator. */
    public static final String UID_FORMAT = "<id>_<transformation>";

    private StableIdentity() {}

    /** Sets what uids depend on: uids from the compiled plan only, in the pinned format. */
    public static void apply(TableConfig config) {
        config.set(ExecutionConfigOptions.TABLE_EXEC_UID_GENERATION, UidGeneration.PLAN_ONLY);
        config.set(ExecutionConfigOptions.TABLE_EXEC_UID_FORMAT, UID_FORMAT);
    }

    /**
     * Compiles {@code insert} and, given the plan the running version was started from, aligns the
     * new plan's ids to it; {@code previousPlanJson} is null for a job's first version.
     */
    public static String plan(TableEnvironment env, String insert, String previousPlanJson) {
        apply(env.getConfig());
        CompiledPlan compiled = env.compilePlanSql(insert);
        String json = compiled.asJsonString();
        return previousPlanJson == null ? json : align(previousPlanJson, json);
    }

    /** Runs a plan returned by {@link #plan}; its uids come from the ids in the plan. */
    public static TableResult execute(TableEnvironment env, String planJson) {
        apply(env.getConfig());
        return env.loadPlan(PlanReference.fromJsonString(planJson)).execute();
    }

    /**
     * {@code newPlanJson} with each node's id replaced: the id of the old node it plays the part of
     * when their state has the same shape, otherwise an id above every old one.
     */
    public static String align(String oldPlanJson, String newPlanJson) {
        PlanGraph oldPlan = PlanGraph.parse(oldPlanJson, "old plan");
        PlanGraph newPlan = PlanGraph.parse(newPlanJson, "new plan");
        Map<Integer, Integer> pairs = PlanMatcher.match(oldPlan, newPlan);
        int next = oldPlan.nodes().stream().mapToInt(PlanNode::id).max().orElse(0) + 1;
        Map<Integer, Integer> ids = new HashMap<>();
        for (PlanNode node : PlanMatcher.topological(newPlan)) {
            Integer oldId = pairs.get(node.id());
            boolean keeps =
                    oldId != null
                            && StateCompatibility.sameState(
                                    oldPlan, oldPlan.node(oldId), newPlan, node);
            ids.put(node.id(), keeps ? oldId : next++);
        }
        ObjectNode root = newPlan.root().deepCopy();
        for (JsonNode node : root.path("nodes")) {
            ((ObjectNode) node).put("id", ids.get(node.path("id").asInt()));
        }
        for (JsonNode edge : root.path("edges")) {
            ObjectNode e = (ObjectNode) edge;
            e.put("source", ids.get(e.path("source").asInt()));
            e.put("target", ids.get(e.path("target").asInt()));
        }
        return PlanGraph.parse(root.toString(), "aligned plan").toJson();
    }
}
