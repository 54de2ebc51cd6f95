package io.flotilla.dsl.run;

import io.flotilla.dsl.job.BuiltJob;
import io.flotilla.dsl.upgrade.StableIdentity;
import io.flotilla.dsl.upgrade.StateCompatibility;
import io.flotilla.dsl.upgrade.UpgradeWarning;
import java.util.List;

/**
 * A job's compiled plan as it is to run, its node ids aligned to the previous version's plan, and
 * the state of the previous version it cannot take over.
 *
 * @param json the plan to run and to save for the next version
 * @param warnings one per state of the previous version this plan cannot restore; empty for a first
 *     version
 */
public record JobPlan(String json, List<UpgradeWarning> warnings) {

    public JobPlan {
        warnings = List.copyOf(warnings);
    }

    /**
     * Compiles {@code job}; with {@code previousPlanJson} (null for none), aligns and checks it.
     */
    public static JobPlan of(BuiltJob job, String previousPlanJson) {
        String compiled = job.compiledPlan();
        if (previousPlanJson == null) {
            return new JobPlan(compiled, List.of());
        }
        List<UpgradeWarning> warnings = StateCompatibility.check(previousPlanJson, compiled);
        return new JobPlan(StableIdentity.align(previousPlanJson, compiled), warnings);
    }

    /** The same, reading the previous plan named by {@code --previous-plan}, if any. */
    public static JobPlan of(BuiltJob job, JobArgs args) {
        String previous =
                args.previousPlan() == null
                        ? null
                        : PlanFiles.read(args.previousPlan(), "--previous-plan");
        return of(job, previous);
    }

    /** Writes the plan where {@code --save-plan} says, if it says. */
    public void saveIfAsked(JobArgs args) {
        if (args.savePlan() != null) {
            PlanFiles.write(args.savePlan(), json, "--save-plan");
        }
    }
}
