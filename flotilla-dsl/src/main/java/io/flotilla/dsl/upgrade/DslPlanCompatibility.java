package io.flotilla.dsl.upgrade;

import io.flotilla.common.PlanCompatibility;
import java.util.List;

/** {@link PlanCompatibility} by {@link StateCompatibility}: the warnings that lose state. */
public final class DslPlanCompatibility implements PlanCompatibility {

    @Override
    public List<Loss> losses(String oldPlanJson, String newPlanJson) {
        return StateCompatibility.check(oldPlanJson, newPlanJson).stream()
                .filter(UpgradeWarning::losesState)
                .map(w -> new Loss(w.operator(), w.change(), w.consequence()))
                .toList();
    }
}
