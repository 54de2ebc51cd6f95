package io.flotilla.dsl.upgrade;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Pairs the nodes of a new plan with the nodes of an old plan that play the same part, whatever ids
 * the planner gave them.
 *
 * <p>Sources and sinks pair by the table they read or write, whatever feeds a sink, so a sink keeps
 * what its connector holds in state (files in progress, transactions). A stateful node pairs with
 * an old node of the same kind fed by the same sources and stateful nodes on each input, so
 * stateless steps (projections, filters, exchanges) may come and go between them. Stateless nodes
 * pair only when their direct inputs pair, which keeps their ids too where nothing around them
 * changed.
 */
final class PlanMatcher {

    private final PlanGraph oldPlan;
    private final PlanGraph newPlan;
    private final Map<Integer, Integer> newToOld = new LinkedHashMap<>();
    private final Set<Integer> usedOld = new HashSet<>();

    private PlanMatcher(PlanGraph oldPlan, PlanGraph newPlan) {
        this.oldPlan = oldPlan;
        this.newPlan = newPlan;
    }

    /** New node id to the old node id it plays the part of; unpaired nodes are absent. */
    static Map<Integer, Integer> match(PlanGraph oldPlan, PlanGraph newPlan) {
        PlanMatcher matcher = new PlanMatcher(oldPlan, newPlan);
        for (PlanNode node : topological(newPlan)) {
            matcher.pair(node);
        }
        return Map.copyOf(matcher.newToOld);
    }

    private void pair(PlanNode node) {
        for (PlanNode candidate : topological(oldPlan)) {
            if (!usedOld.contains(candidate.id()) && plays(candidate, node)) {
                newToOld.put(node.id(), candidate.id());
                usedOld.add(candidate.id());
                return;
            }
        }
    }

    private boolean plays(PlanNode old, PlanNode node) {
        if (!old.kind().equals(node.kind())) {
            return false;
        }
        if (node.isSource() || node.isSink()) {
            return old.table().equals(node.table());
        }
        if (node.isAnchor()) {
            return anchors(oldPlan, old).equals(translated(anchors(newPlan, node)));
        }
        List<Integer> oldInputs = oldPlan.inputsOf(old).stream().map(PlanNode::id).toList();
        List<Integer> mapped =
                newPlan.inputsOf(node).stream()
                        .map(in -> newToOld.getOrDefault(in.id(), -in.id() - 1))
                        .toList();
        return oldInputs.equals(mapped);
    }

    /** For each input of {@code node}, the nearest sources and stateful nodes upstream. */
    private static List<Set<Integer>> anchors(PlanGraph plan, PlanNode node) {
        List<Set<Integer>> result = new ArrayList<>();
        for (PlanNode input : plan.inputsOf(node)) {
            Set<Integer> found = new TreeSet<>();
            collectAnchors(plan, input, found);
            result.add(found);
        }
        return result;
    }

    /** New ids as the old ids they pair with; unpaired ids become negative and match nothing. */
    private List<Set<Integer>> translated(List<Set<Integer>> newIds) {
        List<Set<Integer>> result = new ArrayList<>();
        for (Set<Integer> ids : newIds) {
            Set<Integer> set = new TreeSet<>();
            ids.forEach(id -> set.add(newToOld.getOrDefault(id, -id - 1)));
            result.add(set);
        }
        return result;
    }

    private static void collectAnchors(PlanGraph plan, PlanNode node, Set<Integer> found) {
        if (node.isAnchor()) {
            found.add(node.id());
            return;
        }
        for (PlanNode input : plan.inputsOf(node)) {
            collectAnchors(plan, input, found);
        }
    }

    /** The plan's nodes, every node after its inputs. */
    static List<PlanNode> topological(PlanGraph plan) {
        List<PlanNode> order = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (PlanNode node : plan.nodes()) {
            visit(plan, node, seen, order);
        }
        return order;
    }

    private static void visit(
            PlanGraph plan, PlanNode node, Set<Integer> seen, List<PlanNode> out) {
        if (!seen.add(node.id())) {
            return;
        }
        for (PlanNode input : plan.inputsOf(node)) {
            visit(plan, input, seen, out);
        }
        out.add(node);
    }
}
