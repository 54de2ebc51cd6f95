package io.flotilla.common;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Compares two compiled plans of one job and says which state the new one cannot restore. The DSL
 * implements it (found with {@link ServiceLoader}), so that a supervisor can check a release
 * without any Flink class of its own.
 */
public interface PlanCompatibility {

    /**
     * One part of the old version's state the new version cannot take over.
     *
     * @param operator the operator as a reader finds it in the plan
     * @param change what changed, from what to what
     * @param consequence what happens to the state and what to do about it
     */
    record Loss(String operator, String change, String consequence) {

        /** The one line a report shows. */
        public String message() {
            return operator + ": " + change + ": " + consequence;
        }
    }

    /**
     * What upgrading from {@code oldPlanJson} to {@code newPlanJson} (each the text of a compiled
     * plan) would lose; empty when every stateful operator keeps its state.
     *
     * @throws IllegalArgumentException when a plan cannot be read
     */
    List<Loss> losses(String oldPlanJson, String newPlanJson);

    /** The implementation on the class path, if any. */
    static Optional<PlanCompatibility> find() {
        return ServiceLoader.load(PlanCompatibility.class).findFirst();
    }
}
