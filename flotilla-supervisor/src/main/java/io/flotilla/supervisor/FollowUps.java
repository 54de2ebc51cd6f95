package io.flotilla.supervisor;

import io.flotilla.supervisor.model.Deployment;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which deployments the loop looks at again before the next tick, and when: those between an action
 * and its visible outcome, and those whose desired spec just changed (woken from any thread).
 * Memory only: after a crash the ticks find everything it held.
 */
final class FollowUps {

    private final ActionLimits limits;
    private final Map<String, FollowUp> followUps = new ConcurrentHashMap<>();
    private final Set<String> wakes = ConcurrentHashMap.newKeySet();

    /** When a deployment is to be reconciled again, and when it last changed. */
    private record FollowUp(Instant due, Instant lastChange) {}

    FollowUps(ActionLimits limits) {
        this.limits = limits;
    }

    void wake(String deployment) {
        wakes.add(deployment);
    }

    /**
     * The deployments due at {@code now}, woken ones included; the wakes are taken before the
     * caller loads, so the records loaded are at least as new as each wake's change.
     */
    Set<String> due(Instant now) {
        Set<String> due = new LinkedHashSet<>();
        followUps.forEach(
                (name, f) -> {
                    if (!f.due().isAfter(now)) {
                        due.add(name);
                    }
                });
        for (String name : List.copyOf(wakes)) {
            wakes.remove(name);
            due.add(name);
        }
        return due;
    }

    Optional<Instant> next(Instant now) {
        if (!wakes.isEmpty()) {
            return Optional.of(now);
        }
        return followUps.values().stream().map(FollowUp::due).min(Instant::compareTo);
    }

    void forget(String deployment) {
        followUps.remove(deployment);
    }

    /**
     * After a round: a deployment that changed is looked at again at once, so the next step follows
     * the last without waiting; one still waiting for an outcome is looked at after {@code
     * followUpEvery}, for at most {@code followUpFor} without change; any other is left to the
     * ticks.
     */
    void after(Deployment before, Deployment after, Instant now) {
        String name = after.name();
        if (!settling(after, now)) {
            followUps.remove(name);
            return;
        }
        FollowUp previous = followUps.get(name);
        boolean changed = !after.equals(before);
        Instant lastChange = changed || previous == null ? now : previous.lastChange();
        if (now.isAfter(lastChange.plus(limits.followUpFor()))) {
            followUps.remove(name);
            return;
        }
        followUps.put(
                name, new FollowUp(changed ? now : now.plus(limits.followUpEvery()), lastChange));
    }

    /**
     * Whether {@code d} is between an action and its visible outcome: an intent is open, or a job
     * is starting or being ended. A deployment waiting for its backoff is left to the tick.
     */
    static boolean settling(Deployment d, Instant now) {
        Instant retryAt = d.status().nextRetryAt();
        if (retryAt != null && now.isBefore(retryAt)) {
            return false;
        }
        if (d.status().intent() != null) {
            return true;
        }
        return switch (d.status().phase()) {
            case PENDING, STARTING, UPGRADING, STOPPING, ROLLING_BACK -> true;
            default -> false;
        };
    }
}
