package io.flotilla.supervisor;

import io.flotilla.supervisor.Action.Cancel;
import io.flotilla.supervisor.Action.PollOperation;
import io.flotilla.supervisor.Action.SideEffect;
import io.flotilla.supervisor.Action.StatusChange;
import io.flotilla.supervisor.Action.StopWithSavepoint;
import io.flotilla.supervisor.Action.Submit;
import io.flotilla.supervisor.model.Attention;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.DeploymentSpec;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.model.Intent;
import io.flotilla.supervisor.model.Intent.Step;
import io.flotilla.supervisor.model.Phase;
import io.flotilla.supervisor.model.Release;
import io.flotilla.supervisor.port.ClusterPorts;
import io.flotilla.supervisor.port.ClusterUnreachableException;
import io.flotilla.supervisor.port.DeploymentStore;
import io.flotilla.supervisor.port.OperationStatus;
import io.flotilla.supervisor.port.PortRejectedException;
import io.flotilla.supervisor.port.SubmitCommand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Carries out one deployment's actions, one instance per deployment and round: status changes are
 * applied; before every side effect they and its intent are saved, so a crash at any point leaves a
 * record of what may have happened. What follows the last side effect (its result, and status
 * changes when there was none) is handed back, to be written together with the round's others:
 * until then the intent stands, and a crash leaves it to be resolved from what the cluster shows.
 */
final class ActionExecutor {

    /**
     * What the actions did.
     *
     * @param result the deployment as it now stands
     * @param sideEffects how many side effects were taken
     * @param deferred the record still to be saved, or null
     * @param deferredEvents the events still to be appended: with the record when there was no side
     *     effect (dropped if its save is refused), or else in any case, as they tell what the side
     *     effects did
     */
    record Outcome(
            Deployment result, int sideEffects, Deployment deferred, List<Event> deferredEvents) {}

    private final DeploymentStore store;
    private final ClusterPorts ports;
    private final ClusterWatcher watcher;
    private final SupervisorConfig config;
    private final long token;
    private Deployment lastWritten;
    private final List<Event> pendingEvents = new ArrayList<>();

    ActionExecutor(
            DeploymentStore store,
            ClusterPorts ports,
            ClusterWatcher watcher,
            SupervisorConfig config,
            long fencingToken) {
        this.store = store;
        this.ports = ports;
        this.watcher = watcher;
        this.config = config;
        this.token = fencingToken;
    }

    Outcome execute(Deployment loaded, List<Action> actions, Instant now) {
        Deployment d = loaded;
        lastWritten = loaded;
        int sideEffects = 0;
        for (Action action : actions) {
            if (action instanceof StatusChange change) {
                Deployment changed = change.apply(d);
                if (change.event() != null && !changed.equals(d)) {
                    event(d, now, change.getClass().getSimpleName(), change.event());
                }
                d = changed;
            } else if (action instanceof SideEffect effect) {
                if (!watcher.available(effect.cluster(), now)) {
                    break; // another call to this cluster failed during this tick
                }
                flush();
                d = saved(d);
                d = take(d, effect, now);
                sideEffects++;
            }
        }
        return new Outcome(
                d, sideEffects, d.equals(lastWritten) ? null : d, List.copyOf(pendingEvents));
    }

    /** Before a side effect, what came before it is written, in order. */
    private void flush() {
        if (!pendingEvents.isEmpty()) {
            store.appendEvents(pendingEvents);
            pendingEvents.clear();
        }
    }

    private Deployment take(Deployment d, SideEffect effect, Instant now) {
        try {
            if (effect instanceof Submit submit) {
                return submit(d, submit, now);
            } else if (effect instanceof StopWithSavepoint stop) {
                return stop(d, stop, now);
            } else if (effect instanceof PollOperation poll) {
                return poll(d, poll, now);
            } else if (effect instanceof Cancel cancel) {
                return cancel(d, cancel, now);
            }
            throw new IllegalStateException("unknown side effect " + effect);
        } catch (ClusterUnreachableException e) {
            // It may or may not have happened: the intent stays, the next observation decides.
            // The intent is in what was last written, not in the deployment the step started with.
            watcher.failed(effect.cluster(), now, e.getMessage());
            event(d, now, "ClusterUnreachable", e.getMessage());
            return lastWritten;
        } catch (PortRejectedException e) {
            return refused(lastWritten, effect, e.getMessage(), now);
        }
    }

    private Deployment submit(Deployment d, Submit planned, Instant now) {
        Submit submit = planned;
        if (!submit.resumesIntent() && submit.restorePath() != null && ports.states() != null) {
            String cluster = submit.spec().cluster();
            // The planned path alone first: listing every job's state before each submit made a
            // release's submit several times slower than Flink's own. The whole listing, and the
            // deployment's past JobIDs, are only needed to find something else to restore from.
            RestoreCheck.Choice choice =
                    RestoreCheck.choose(
                            ports.states().listState(cluster, submit.restorePath(), token),
                            submit.restorePath(),
                            Set.of());
            if (choice.kind() == RestoreCheck.Kind.FALLBACK
                    || choice.kind() == RestoreCheck.Kind.NOTHING) {
                choice =
                        RestoreCheck.choose(
                                ports.states().listState(cluster, token),
                                submit.restorePath(),
                                JobIds.pastOf(
                                        d.name(),
                                        submit.spec().generation(),
                                        d.status().attempts()));
            }
            switch (choice.kind()) {
                case NOTHING:
                    Action.NeedAttention stuck =
                            new Action.NeedAttention(
                                    null,
                                    Attention.of(
                                            "nothing to restore from: " + choice.reason(),
                                            d.name(),
                                            d.spec().generation(),
                                            now),
                                    d.status().retries());
                    event(d, now, "NeedAttention", stuck.event());
                    return stuck.apply(d);
                case FALLBACK:
                    event(d, now, "RestoreFallback", choice.reason());
                    submit =
                            new Submit(
                                    submit.jobId(),
                                    submit.attempt(),
                                    submit.spec(),
                                    choice.path(),
                                    submit.release(),
                                    false);
                    break;
                case UNCHECKED:
                    event(d, now, "RestoreUnchecked", choice.reason());
                    break;
                default:
                    break;
            }
        }
        DeploymentSpec spec = submit.spec();
        Intent intent = d.status().intent();
        if (!submit.resumesIntent()) {
            intent =
                    new Intent(
                            Step.SUBMIT,
                            submit.jobId(),
                            spec.cluster(),
                            spec,
                            submit.restorePath(),
                            submit.release(),
                            null,
                            now,
                            token);
            Intent persisted = intent;
            long attempt = submit.attempt();
            Phase phase =
                    d.status().phase() == Phase.ROLLING_BACK ? Phase.ROLLING_BACK : Phase.PENDING;
            d = write(d.withStatus(s -> s.intent(persisted).attempts(attempt).phase(phase)));
        }
        boolean created =
                ports.submitter()
                        .submit(
                                new SubmitCommand(
                                        spec.cluster(),
                                        spec.name(),
                                        submit.jobId(),
                                        spec.artifactUri(),
                                        spec.artifactSha256(),
                                        spec.entryClass(),
                                        spec.args(),
                                        spec.parallelism(),
                                        submit.restorePath(),
                                        token,
                                        spec.checkpointInterval(),
                                        spec.allowNonRestoredState()
                                                && submit.restorePath() != null));
        event(
                d,
                now,
                "Submitted",
                (created ? "submitted " : "already running: ")
                        + submit.jobId()
                        + " generation "
                        + spec.generation()
                        + " on "
                        + spec.cluster()
                        // Before " from ": the runs view reads the restore path after its last
                        // " from ".
                        + (spec.allowNonRestoredState() && submit.restorePath() != null
                                ? " (allowNonRestoredState: state it cannot take is dropped)"
                                : "")
                        + " from "
                        + (submit.restorePath() == null ? "empty state" : submit.restorePath()));
        return Action.started(d, intent);
    }

    private Deployment stop(Deployment d, StopWithSavepoint stop, Instant now) {
        d =
                ensureIntent(
                        d,
                        Step.STOP_WITH_SAVEPOINT,
                        stop.cluster(),
                        stop.jobId(),
                        stop.phase(),
                        now);
        String operation = ports.stopper().stopWithSavepoint(stop.cluster(), stop.jobId(), token);
        event(d, now, "StopRequested", "stop with savepoint of " + stop.jobId() + ": " + operation);
        Intent withOperation = d.status().intent().withOperationId(operation);
        // Lost in a crash before the round's write, the operation is asked for again: a stopped
        // job answers a new stop with its final savepoint.
        return d.withStatus(s -> s.intent(withOperation));
    }

    private Deployment poll(Deployment d, PollOperation poll, Instant now) {
        OperationStatus status = ports.stopper().poll(poll.cluster(), poll.operationId(), token);
        if (status instanceof OperationStatus.Completed completed) {
            event(
                    d,
                    now,
                    "SavepointCompleted",
                    poll.jobId() + " stopped with " + completed.location());
            // The job stays current until it is seen gone: only then may another one start.
            return d.withStatus(
                    s ->
                            s.intent(null)
                                    .lastSavepoint(completed.location())
                                    .newestRestorable(completed.location())
                                    .error(null));
        }
        if (status instanceof OperationStatus.Failed failed) {
            return refused(d, poll, "stop with savepoint failed: " + failed.error(), now);
        }
        return d;
    }

    private Deployment cancel(Deployment d, Cancel cancel, Instant now) {
        d = ensureIntent(d, Step.CANCEL, cancel.cluster(), cancel.jobId(), cancel.phase(), now);
        ports.canceller().cancel(cancel.cluster(), cancel.jobId(), token);
        event(d, now, "CancelRequested", "cancel of " + cancel.jobId());
        return d; // the intent stays until the job is seen gone
    }

    /** Writes the intent for a step unless the same step on the same job is already recorded. */
    private Deployment ensureIntent(
            Deployment d, Step step, String cluster, String jobId, Phase phase, Instant now) {
        Intent existing = d.status().intent();
        if (existing != null && existing.step() == step && existing.jobId().equals(jobId)) {
            return d;
        }
        Intent intent = new Intent(step, jobId, cluster, null, null, null, null, now, token);
        return write(d.withStatus(s -> s.intent(intent).phase(phase)));
    }

    /**
     * The cluster refused the step, so it did not happen. A submit keeps its intent (the same JobID
     * is tried again after the backoff); a stop or cancel is forgotten and decided afresh.
     */
    private Deployment refused(Deployment d, SideEffect effect, String error, Instant now) {
        int retries = d.status().retries() + 1;
        if (effect instanceof Submit submit
                && submit.release() != null
                && d.status().phase() != Phase.ROLLING_BACK) {
            // The new version cannot even start (Flink refused its program or its state): the
            // release failed, so the previous version starts again from the release's savepoint.
            Release release = submit.release();
            Action.StartRollback rollback =
                    new Action.StartRollback(
                            "cluster refused to start generation "
                                    + release.toGeneration()
                                    + ": "
                                    + error,
                            release.toGeneration(),
                            null,
                            true);
            event(d, now, "StartRollback", rollback.event());
            return write(rollback.apply(d.withStatus(s -> s.intent(null).release(release))));
        }
        if (effect instanceof Submit) {
            Instant start = d.status().failureWindowStart();
            int failures = d.status().failuresInWindow() + 1;
            if (start == null || now.isAfter(start.plus(config.crashLoopWindow()))) {
                start = now;
                failures = 1;
            }
            if (failures >= config.crashLoopFailures()) {
                // The cluster refuses this submit every time: retrying cannot help.
                Action.NeedAttention stuck =
                        new Action.NeedAttention(
                                null,
                                Attention.of(
                                        "submit refused "
                                                + failures
                                                + " times since "
                                                + start
                                                + ": "
                                                + error,
                                        d.name(),
                                        d.spec().generation(),
                                        now),
                                retries);
                event(d, now, "NeedAttention", stuck.event());
                return stuck.apply(d);
            }
            Instant windowStart = start;
            int inWindow = failures;
            Instant retryAt = now.plus(config.jobBackoff().delay(retries));
            event(d, now, "Refused", error + "; retry " + retries + " at " + retryAt);
            return d.withStatus(
                    s ->
                            s.retries(retries)
                                    .nextRetryAt(retryAt)
                                    .error(error)
                                    .failureWindow(windowStart, inWindow));
        }
        Instant retryAt = now.plus(config.jobBackoff().delay(retries));
        event(d, now, "Refused", error + "; retry " + retries + " at " + retryAt);
        Deployment backedOff =
                d.withStatus(s -> s.retries(retries).nextRetryAt(retryAt).error(error));
        return backedOff.withStatus(s -> s.intent(null).phase(restingPhase(d)));
    }

    /** After a refused stop or cancel the job runs on; say so unless it is being rolled back. */
    private static Phase restingPhase(Deployment d) {
        return d.status().phase() == Phase.ROLLING_BACK ? Phase.ROLLING_BACK : Phase.RUNNING;
    }

    private Deployment saved(Deployment d) {
        return d.equals(lastWritten) ? d : write(d);
    }

    private Deployment write(Deployment d) {
        store.save(d, token);
        lastWritten = d;
        return d;
    }

    private void event(Deployment d, Instant now, String type, String message) {
        pendingEvents.add(new Event(d.name(), now, type, message, token));
    }
}
