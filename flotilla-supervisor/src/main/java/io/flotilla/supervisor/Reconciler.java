package io.flotilla.supervisor;

import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.ObservedState;
import java.time.Instant;
import java.util.List;

/**
 * Decides what to do about one deployment: status changes first, then at most one side effect.
 * Pure: it reads nothing but its arguments and does nothing but answer.
 */
@FunctionalInterface
public interface Reconciler {

    List<Action> reconcile(Deployment deployment, ObservedState observed, Instant now);
}
