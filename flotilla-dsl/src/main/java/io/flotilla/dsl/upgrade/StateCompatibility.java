package io.flotilla.dsl.upgrade;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.table.api.TableEnvironment;

/**
 * Compares the stateful operators of an old and a new compiled plan of one job and says which of
 * the old state the new version cannot restore, and why.
 */
public final class StateCompatibility {

    private static final String DROPPED =
            "its state cannot be restored: start the new version without state (or with"
                    + " allowNonRestoredState, which drops it), or keep the old definition";

    private StateCompatibility() {}

    /**
     * The warnings for upgrading from {@code oldPlanJson} to {@code newPlanJson} (each the text of
     * {@code CompiledPlan.asJsonString()}); empty when every stateful operator keeps its state.
     */
    public static List<UpgradeWarning> check(String oldPlanJson, String newPlanJson) {
        PlanGraph oldPlan = PlanGraph.parse(oldPlanJson, "old plan");
        PlanGraph newPlan = PlanGraph.parse(newPlanJson, "new plan");
        Map<Integer, Integer> pairs = PlanMatcher.match(oldPlan, newPlan);
        List<UpgradeWarning> warnings = new ArrayList<>();
        Set<Integer> pairedOld = new HashSet<>(pairs.values());
        for (PlanNode node : PlanMatcher.topological(newPlan)) {
            Integer oldId = pairs.get(node.id());
            if (oldId != null) {
                warnings.addAll(changes(oldPlan, oldPlan.node(oldId), newPlan, node));
            }
        }
        for (PlanNode old : PlanMatcher.topological(oldPlan)) {
            if (!pairedOld.contains(old.id()) && old.isAnchor()) {
                warnings.add(gone(oldPlan, old));
            }
        }
        for (PlanNode node : PlanMatcher.topological(newPlan)) {
            if (!pairs.containsKey(node.id()) && node.isStateful()) {
                warnings.add(
                        new UpgradeWarning(
                                describe(newPlan, node),
                                "new stateful operator with no counterpart in the old plan",
                                "it starts with empty state, so its first results only cover"
                                        + " rows read after the upgrade"));
            }
        }
        return List.copyOf(warnings);
    }

    /** Compiles both versions' INSERT statements in their environments and checks the plans. */
    public static List<UpgradeWarning> check(
            TableEnvironment oldEnv, String oldInsert, TableEnvironment newEnv, String newInsert) {
        return check(
                oldEnv.compilePlanSql(oldInsert).asJsonString(),
                newEnv.compilePlanSql(newInsert).asJsonString());
    }

    /** True when the two nodes keep state of the same shape. */
    static boolean sameState(PlanGraph oldPlan, PlanNode old, PlanGraph newPlan, PlanNode node) {
        return changes(oldPlan, old, newPlan, node).isEmpty();
    }

    private static List<UpgradeWarning> changes(
            PlanGraph oldPlan, PlanNode old, PlanGraph newPlan, PlanNode node) {
        Map<String, String> before = StateSignature.of(oldPlan, old);
        Map<String, String> after = StateSignature.of(newPlan, node);
        List<UpgradeWarning> warnings = new ArrayList<>();
        Set<String> aspects = new java.util.LinkedHashSet<>(before.keySet());
        aspects.addAll(after.keySet());
        for (String aspect : aspects) {
            String was = before.get(aspect);
            String is = after.get(aspect);
            if (!Objects.equals(was, is)) {
                warnings.add(
                        new UpgradeWarning(
                                describe(oldPlan, old),
                                aspect + " changed from " + orNone(was) + " to " + orNone(is),
                                DROPPED));
            }
        }
        return warnings;
    }

    private static UpgradeWarning gone(PlanGraph oldPlan, PlanNode old) {
        if (old.isSource()) {
            return new UpgradeWarning(
                    describe(oldPlan, old),
                    "the new version no longer reads this table",
                    "its read position in the savepoint has no operator to go to: restore needs"
                            + " allowNonRestoredState, which drops it");
        }
        if (old.isSink()) {
            return new UpgradeWarning(
                    describe(oldPlan, old),
                    "the new version no longer writes this table",
                    "what its connector kept in state (files in progress, transactions) has no"
                            + " operator to go to: restore needs allowNonRestoredState, which"
                            + " drops it");
        }
        return new UpgradeWarning(
                describe(oldPlan, old),
                "no operator of the new plan takes its place (its kind or the sources and"
                        + " stateful operators feeding it changed)",
                DROPPED);
    }

    /** The operator as the plan's description names it, with what identifies it to a reader. */
    static String describe(PlanGraph plan, PlanNode node) {
        if (node.isSource() || node.isSink()) {
            return node.label() + " of " + node.table();
        }
        JsonNode json = node.json();
        JsonNode keys = StateSignature.partitionFields(json);
        if (json.has("grouping")) {
            keys = json.path("grouping");
        } else if (json.has("partitionKeys")) {
            keys = json.path("partitionKeys");
        } else if (keys == null) {
            keys = json.path("joinSpec").path("leftKeys");
        }
        if (keys.isMissingNode()) {
            return node.label();
        }
        List<String> names = StateSignature.pick(FieldOrigins.names(plan, node, 0), keys);
        return node.label() + " over keys " + names;
    }

    private static String orNone(String value) {
        return value == null ? "(none)" : value;
    }
}
