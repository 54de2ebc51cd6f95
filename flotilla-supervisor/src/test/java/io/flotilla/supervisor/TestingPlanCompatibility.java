package io.flotilla.supervisor;

import io.flotilla.common.PlanCompatibility;
import io.flotilla.http.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan comparison for tests, found by the supervisor's ServiceLoader: a "plan" is {@code
 * {"operators": [...]}}, and every old operator missing from the new plan loses its state.
 */
public final class TestingPlanCompatibility implements PlanCompatibility {

    record Plan(List<String> operators) {}

    @Override
    public List<Loss> losses(String oldPlanJson, String newPlanJson) {
        List<String> before = read(oldPlanJson).operators();
        List<String> after = read(newPlanJson).operators();
        List<Loss> losses = new ArrayList<>();
        for (String op : before) {
            if (!after.contains(op)) {
                losses.add(
                        new Loss(
                                op,
                                "no operator of the new plan takes its place",
                                "its state cannot be restored"));
            }
        }
        return losses;
    }

    private static Plan read(String json) {
        try {
            return Json.read(json.getBytes(StandardCharsets.UTF_8), Plan.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a plan: " + e.getMessage(), e);
        }
    }
}
