package io.flotilla.supervisor;

import io.flotilla.supervisor.Action.AcceptSpec;
import io.flotilla.supervisor.Action.Adopt;
import io.flotilla.supervisor.Action.Cancel;
import io.flotilla.supervisor.Action.ClearAttention;
import io.flotilla.supervisor.Action.ClearIntent;
import io.flotilla.supervisor.Action.JobEnded;
import io.flotilla.supervisor.Action.MarkRunning;
import io.flotilla.supervisor.Action.MarkUnknown;
import io.flotilla.supervisor.Action.NeedAttention;
import io.flotilla.supervisor.Action.Nothing;
import io.flotilla.supervisor.Action.PollOperation;
import io.flotilla.supervisor.Action.RecordFailure;
import io.flotilla.supervisor.Action.SetHealth;
import io.flotilla.supervisor.Action.SetPhase;
import io.flotilla.supervisor.Action.StartRollback;
import io.flotilla.supervisor.Action.StatusChange;
import io.flotilla.supervisor.Action.StopWithSavepoint;
import io.flotilla.supervisor.Action.Submit;
import io.flotilla.supervisor.Action.WaitForSlots;
import io.flotilla.supervisor.model.Attention;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.DeploymentSpec;
import io.flotilla.supervisor.model.DeploymentStatus;
import io.flotilla.supervisor.model.DesiredState;
import io.flotilla.supervisor.model.Intent;
import io.flotilla.supervisor.model.JobState;
import io.flotilla.supervisor.model.ObservedJob;
import io.flotilla.supervisor.model.ObservedState;
import io.flotilla.supervisor.model.Phase;
import io.flotilla.supervisor.model.Placement;
import io.flotilla.supervisor.model.Release;
import io.flotilla.supervisor.model.SlotLedger;
import io.flotilla.supervisor.model.UpgradeMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules: resolve an intent first, then follow the current job, then start one if the spec wants
 * it. A job is only ever submitted when the deployment's current job is known to be gone.
 */
public final class DefaultReconciler implements Reconciler {

    private final SupervisorConfig config;

    public DefaultReconciler(SupervisorConfig config) {
        this.config = config;
    }

    @Override
    public List<Action> reconcile(Deployment d, ObservedState observed, Instant now) {
        DeploymentStatus status = d.status();
        if (!observed.reachable()) {
            // Unobservable is not gone: the job may still run, so starting one anywhere could
            // make two. Only an operator declaring the cluster lost may change that.
            return List.of(
                    status.phase() == Phase.UNKNOWN
                            ? new Nothing(observed.unreachableReason())
                            : new MarkUnknown(observed.unreachableReason()));
        }
        if (status.intent() != null) {
            return List.of(resolveIntent(d, observed, now));
        }
        if (status.jobId() != null && observed.current().alive()) {
            return whileAlive(d, observed.job(), now);
        }
        List<Action> actions = new ArrayList<>();
        Deployment next = d;
        if (status.jobId() != null) {
            StatusChange ended = jobGone(d, observed, now);
            actions.add(ended);
            next = ended.apply(d);
        }
        Action start = start(next, observed.slots(), now);
        actions.add(start);
        if (start instanceof ClearAttention clear) {
            actions.add(start(clear.apply(next), observed.slots(), now));
        }
        return actions;
    }

    /** An intent was persisted before its step: find out from the observation how far it got. */
    private Action resolveIntent(Deployment d, ObservedState observed, Instant now) {
        Intent intent = d.status().intent();
        ObservedJob target = observed.intentJob();
        switch (intent.step()) {
            case SUBMIT:
                if (target != null) {
                    return new Adopt(target);
                }
                if (d.status().jobId() != null
                        && !d.status().jobId().equals(intent.jobId())
                        && observed.current().alive()) {
                    return new Nothing(
                            "not submitting "
                                    + intent.jobId()
                                    + ": "
                                    + d.status().jobId()
                                    + " is alive");
                }
                if (backingOff(d, now)) {
                    return new Nothing("submit waits until " + d.status().nextRetryAt());
                }
                // Same JobID again: if the first submit did happen, the sidecar answers with it.
                return Submit.resume(intent);
            case STOP_WITH_SAVEPOINT:
                if (intent.operationId() != null) {
                    return new PollOperation(
                            intent.cluster(), intent.jobId(), intent.operationId());
                }
                if (target == null
                        || target.state() == JobState.FAILED
                        || target.state() == JobState.CANCELED) {
                    return new ClearIntent(
                            "job " + intent.jobId() + " ended before its stop was confirmed");
                }
                // A stopped job answers a new stop with its final savepoint, so this is safe.
                return new StopWithSavepoint(intent.cluster(), intent.jobId(), d.status().phase());
            case CANCEL:
            default:
                if (target == null || target.state().gone()) {
                    return new ClearIntent("job " + intent.jobId() + " cancelled");
                }
                if (now.isAfter(intent.startedAt().plus(config.cancelRetryAfter()))) {
                    return new Cancel(intent.cluster(), intent.jobId(), d.status().phase());
                }
                return new Nothing("cancel of " + intent.jobId() + " in progress");
        }
    }

    /** The current job is alive: keep the record current, and end it if the spec says so. */
    private List<Action> whileAlive(Deployment d, ObservedJob job, Instant now) {
        List<Action> actions = new ArrayList<>();
        Release release = d.status().release();
        boolean proven = job.state() == JobState.RUNNING && job.hasOwnCheckpoint();
        MarkRunning mark = new MarkRunning(job, release != null && proven);
        Deployment next = mark.apply(d);
        if (!next.equals(d)) {
            actions.add(mark);
        }
        if (job.state() == JobState.RUNNING && !next.status().phase().endsJobOnPurpose()) {
            String unhealthy = checkpointHealth(d, job, now);
            if (!java.util.Objects.equals(unhealthy, next.status().unhealthy())) {
                SetHealth health = new SetHealth(job.jobId(), unhealthy);
                actions.add(health);
                next = health.apply(next);
            }
        }
        String cluster = d.currentCluster();
        String jobId = d.status().jobId();
        if (d.spec().desiredState() == DesiredState.STOPPED) {
            actions.add(
                    backingOff(next, now)
                            ? new Nothing("stop waits until " + next.status().nextRetryAt())
                            : new StopWithSavepoint(cluster, jobId, Phase.STOPPING));
        } else if (release != null && !proven && now.isAfter(release.deadline())) {
            actions.add(
                    new StartRollback(
                            "job "
                                    + jobId
                                    + " had no checkpoint of its own by "
                                    + release.deadline(),
                            release.toGeneration(),
                            job,
                            false));
            // Cancel, not stop: the rollback starts from the release's savepoint, not from state
            // the new version wrote.
            actions.add(new Cancel(cluster, jobId, Phase.ROLLING_BACK));
        } else if (d.specChanged() && next.status().phase() != Phase.ROLLING_BACK) {
            actions.add(upgrade(next, cluster, jobId, now));
        } else {
            actions.add(new Nothing("job " + jobId + " " + job.status() + " as desired"));
        }
        return actions;
    }

    /**
     * Why a RUNNING job is unhealthy, or null: it completed no checkpoint (or, if it never did,
     * started) more than {@code missedCheckpoints} intervals ago. Unknown times prove nothing.
     */
    private String checkpointHealth(Deployment d, ObservedJob job, Instant now) {
        Instant since = job.lastCheckpointTime();
        if (since == null || job.startTime() != null && job.startTime().isAfter(since)) {
            since = job.startTime();
        }
        if (since == null) {
            return null;
        }
        DeploymentSpec running = d.lastReconciledSpec() != null ? d.lastReconciledSpec() : d.spec();
        java.time.Duration interval =
                running.checkpointInterval() != null
                        ? running.checkpointInterval()
                        : config.checkpointInterval();
        if (!now.isAfter(since.plus(interval.multipliedBy(config.missedCheckpoints())))) {
            return null;
        }
        return (job.lastCheckpointTime() == null
                        ? "no checkpoint completed since the job started at " + since
                        : "no checkpoint completed since " + since)
                + " (expected every "
                + interval
                + "; unhealthy after "
                + config.missedCheckpoints()
                + " intervals)";
    }

    private Action upgrade(Deployment d, String cluster, String jobId, Instant now) {
        if (d.spec().sameJobAs(d.lastReconciledSpec())) {
            // A pool or any-cluster target stays where the job was placed.
            return new AcceptSpec(
                    Placement.concrete(d.spec().cluster())
                            ? d.spec()
                            : d.spec().withCluster(d.lastReconciledSpec().cluster()));
        }
        if (backingOff(d, now)) {
            return new Nothing("upgrade waits until " + d.status().nextRetryAt());
        }
        return d.spec().upgradeMode() == UpgradeMode.SAVEPOINT
                ? new StopWithSavepoint(cluster, jobId, Phase.UPGRADING)
                : new Cancel(cluster, jobId, Phase.UPGRADING);
    }

    /** The current job is gone: say whether that was meant, a failure, or a failed release. */
    private StatusChange jobGone(Deployment d, ObservedState observed, Instant now) {
        DeploymentStatus status = d.status();
        JobState state = observed.current();
        String what =
                state == JobState.MISSING
                        ? "job " + status.jobId() + " missing from cluster " + d.currentCluster()
                        : "job " + status.jobId() + " " + state;
        if (d.spec().desiredState() == DesiredState.STOPPED) {
            return new JobEnded(observed.job(), Phase.STOPPED, what);
        }
        if (status.phase() == Phase.ROLLING_BACK) {
            // However the rejected version ended, the rollback goes on from the same savepoint.
            return new JobEnded(observed.job(), Phase.ROLLING_BACK, what);
        }
        if (status.phase().endsJobOnPurpose() && state != JobState.FAILED) {
            return new JobEnded(observed.job(), Phase.PENDING, what);
        }
        if (state == JobState.FINISHED) {
            // Nobody asked for this end: a bounded job ran out of input. Starting it again would
            // run it twice.
            return new JobEnded(
                    observed.job(),
                    Phase.FINISHED,
                    what + ": the job ended by itself and is not started again");
        }
        if (status.release() != null) {
            return new StartRollback(
                    what + " before its release was proven",
                    status.release().toGeneration(),
                    observed.job(),
                    true);
        }
        int retries = status.retries() + 1;
        Instant windowStart = status.failureWindowStart();
        int failures = status.failuresInWindow() + 1;
        if (windowStart == null || now.isAfter(windowStart.plus(config.crashLoopWindow()))) {
            windowStart = now;
            failures = 1;
        }
        if (failures >= config.crashLoopFailures()) {
            return new NeedAttention(
                    observed.job(),
                    Attention.of(
                            "crash loop: "
                                    + what
                                    + ", failure "
                                    + failures
                                    + " since "
                                    + windowStart
                                    + " (at most "
                                    + config.crashLoopFailures()
                                    + " in "
                                    + config.crashLoopWindow()
                                    + ")",
                            d.name(),
                            d.spec().generation(),
                            now),
                    retries);
        }
        return new RecordFailure(
                observed.job(),
                what,
                retries,
                now.plus(config.jobBackoff().delay(retries)),
                windowStart,
                failures);
    }

    /** The deployment has no job: start the one its spec (or its rollback) asks for. */
    private Action start(Deployment d, SlotLedger slots, Instant now) {
        DeploymentStatus status = d.status();
        if (d.spec().desiredState() == DesiredState.STOPPED) {
            return status.phase() == Phase.STOPPED
                    ? new Nothing("stopped as desired")
                    : new JobEnded(null, Phase.STOPPED, null);
        }
        Attention attention = status.attention();
        if (attention != null) {
            if (d.spec().generation() <= attention.generation()) {
                return status.phase() == Phase.NEEDS_ATTENTION
                        ? new Nothing("needs attention: " + attention.cause())
                        : new SetPhase(Phase.NEEDS_ATTENTION);
            }
            return new ClearAttention(d.spec().generation());
        }
        if (status.phase() == Phase.FINISHED && !d.specChanged()) {
            return new Nothing("finished; a spec change starts it again");
        }
        Release release = status.release();
        if (status.phase() == Phase.ROLLING_BACK && release != null) {
            return placed(d, submit(d, release.from(), release.savepoint(), null), slots);
        }
        if (backingOff(d, now)) {
            return status.phase() == Phase.UNKNOWN
                    ? new SetPhase(Phase.FAILED)
                    : new Nothing("resubmit waits until " + status.nextRetryAt());
        }
        DeploymentSpec last = d.lastReconciledSpec();
        DeploymentSpec target = d.specChanged() ? d.spec() : last;
        String restore = restorePath(d, target);
        // A STATELESS release starts empty, but its rollback starts the previous version from
        // the newest state that version left.
        boolean stateless = restore == null && target.upgradeMode() == UpgradeMode.STATELESS;
        Release newRelease =
                d.specChanged()
                                && last != null
                                && provenChange(target, last)
                                && (restore != null || stateless)
                        ? new Release(
                                last,
                                target.generation(),
                                restore != null ? restore : d.status().newestRestorable(),
                                now,
                                now.plus(config.releaseTimeout()))
                        : null;
        return placed(d, submit(d, target, restore, newRelease), slots);
    }

    /**
     * The submit on a cluster with room for it: a named cluster if it has room, otherwise the
     * healthy member of the pool with the most free slots; or why it waits.
     */
    private static Action placed(Deployment d, Submit submit, SlotLedger slots) {
        DeploymentSpec spec = submit.spec();
        if (slots == null) {
            return Placement.concrete(spec.cluster())
                    ? submit
                    : wait(d, "cluster " + spec.cluster() + " needs slot accounting to choose");
        }
        String preferred = d.lastReconciledSpec() == null ? null : d.currentCluster();
        SlotLedger.Choice choice = slots.place(d.name(), spec, preferred);
        if (choice instanceof SlotLedger.NoRoom noRoom) {
            return wait(d, noRoom.reason());
        }
        String cluster = ((SlotLedger.Placed) choice).cluster();
        return cluster.equals(spec.cluster())
                ? submit
                : new Submit(
                        submit.jobId(),
                        submit.attempt(),
                        spec.withCluster(cluster),
                        submit.restorePath(),
                        submit.release(),
                        false);
    }

    private static Action wait(Deployment d, String reason) {
        Phase phase = d.status().phase();
        boolean shown = phase == Phase.WAITING_FOR_SLOTS || phase == Phase.ROLLING_BACK;
        return shown && reason.equals(d.status().waiting())
                ? new Nothing("waiting for slots: " + reason)
                : new WaitForSlots(reason);
    }

    /**
     * Whether the new job must prove itself, and roll back if it does not: another build, or a move
     * to another cluster (which may run another Flink release).
     */
    private static boolean provenChange(DeploymentSpec target, DeploymentSpec last) {
        return target.otherVersionThan(last) || !target.cluster().equals(last.cluster());
    }

    private static Submit submit(
            Deployment d, DeploymentSpec spec, String restore, Release release) {
        long attempt = d.status().attempts() + 1;
        String jobId = JobIds.derive(d.name(), spec.generation(), attempt);
        return new Submit(jobId, attempt, spec, restore, release, false);
    }

    /**
     * The state a new job of {@code target} starts from: the savepoint an operator chose for this
     * generation; nothing for a stateless upgrade; otherwise the lineage's newest checkpoint or
     * savepoint. After a stop-with-savepoint that savepoint is the newest; a checkpoint is newer
     * only after a failure, and starting from an older savepoint would rewind the state.
     */
    static String restorePath(Deployment d, DeploymentSpec target) {
        DeploymentSpec last = d.lastReconciledSpec();
        boolean newGeneration = last == null || target.generation() != last.generation();
        if (newGeneration) {
            if (target.restoreFrom() != null
                    && (last == null || !target.restoreFrom().equals(last.restoreFrom()))) {
                return target.restoreFrom();
            }
            if (last != null && target.upgradeMode() == UpgradeMode.STATELESS) {
                return null;
            }
        }
        return d.status().newestRestorable();
    }

    private static boolean backingOff(Deployment d, Instant now) {
        Instant until = d.status().nextRetryAt();
        return until != null && now.isBefore(until);
    }
}
