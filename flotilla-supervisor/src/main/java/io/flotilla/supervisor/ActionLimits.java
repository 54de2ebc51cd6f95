package io.flotilla.supervisor;

import java.time.Duration;

/**
 * How much the loop does at once and how soon it looks again.
 *
 * @param actions deployments acted on at the same time, over all clusters
 * @param actionsPerCluster deployments acted on at the same time on one cluster
 * @param followUpEvery how soon a deployment whose action's outcome is not yet visible (a savepoint
 *     in progress, a job not yet RUNNING) is observed and reconciled again; the tick stays the
 *     safety net
 * @param followUpFor how long a deployment is followed up without any change before it is left to
 *     the tick
 */
public record ActionLimits(
        int actions, int actionsPerCluster, Duration followUpEvery, Duration followUpFor) {

    public static final int ACTIONS = 32;
    public static final int ACTIONS_PER_CLUSTER = 4;
    public static final Duration FOLLOW_UP_EVERY = Duration.ofMillis(50);
    public static final Duration FOLLOW_UP_FOR = Duration.ofMinutes(2);

    public ActionLimits {
        if (actions < 1) {
            throw new IllegalArgumentException("actions must be at least 1, got " + actions);
        }
        if (actionsPerCluster < 1) {
            throw new IllegalArgumentException(
                    "actionsPerCluster must be at least 1, got " + actionsPerCluster);
        }
        if (followUpEvery.isNegative() || followUpFor.isNegative()) {
            throw new IllegalArgumentException(
                    "followUpEvery and followUpFor must not be negative, got "
                            + followUpEvery
                            + " and "
                            + followUpFor);
        }
    }

    public static ActionLimits defaults() {
        return new ActionLimits(ACTIONS, ACTIONS_PER_CLUSTER, FOLLOW_UP_EVERY, FOLLOW_UP_FOR);
    }

    /** One deployment at a time, in order, on the calling thread. */
    public static ActionLimits sequential() {
        return new ActionLimits(1, 1, FOLLOW_UP_EVERY, FOLLOW_UP_FOR);
    }

    public ActionLimits withParallelism(int overall, int perCluster) {
        return new ActionLimits(overall, perCluster, followUpEvery, followUpFor);
    }
}
