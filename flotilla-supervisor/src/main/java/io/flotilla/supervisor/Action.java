package io.flotilla.supervisor;

import io.flotilla.supervisor.model.Attention;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.DeploymentSpec;
import io.flotilla.supervisor.model.Intent;
import io.flotilla.supervisor.model.JobState;
import io.flotilla.supervisor.model.ObservedJob;
import io.flotilla.supervisor.model.Phase;
import io.flotilla.supervisor.model.Release;
import java.time.Instant;

/**
 * What the reconciler decided: a status change (pure, applied to the deployment) or a side effect
 * on a cluster (taken by the supervisor after persisting an intent).
 */
public sealed interface Action {

    /** Changes the supervisor's record only. */
    sealed interface StatusChange extends Action {

        Deployment apply(Deployment deployment);

        /** The audit line this change deserves, or null when it is routine. */
        default String event() {
            return null;
        }
    }

    /** Acts on a cluster. */
    sealed interface SideEffect extends Action {

        String cluster();

        String jobId();
    }

    /**
     * Starts {@code spec} under {@code jobId}; {@code resumesIntent} when the JobID comes from an
     * intent persisted earlier, whose submit may or may not have happened.
     */
    record Submit(
            String jobId,
            long attempt,
            DeploymentSpec spec,
            String restorePath,
            Release release,
            boolean resumesIntent)
            implements SideEffect {

        public static Submit resume(Intent intent) {
            return new Submit(
                    intent.jobId(), 0, intent.spec(), intent.restorePath(), intent.release(), true);
        }

        @Override
        public String cluster() {
            return spec.cluster();
        }
    }

    /** Stops the job with a savepoint; {@code phase} says why (upgrade or owner's stop). */
    record StopWithSavepoint(String cluster, String jobId, Phase phase) implements SideEffect {}

    /** Asks how the stop-with-savepoint named in the intent is doing. */
    record PollOperation(String cluster, String jobId, String operationId) implements SideEffect {}

    /** Cancels the job without a savepoint; {@code phase} says why. */
    record Cancel(String cluster, String jobId, Phase phase) implements SideEffect {}

    /** Takes in what the running job reports; ends a release that it has proven. */
    record MarkRunning(ObservedJob job, boolean releaseDone) implements StatusChange {
        @Override
        public Deployment apply(Deployment d) {
            Phase current = d.status().phase();
            boolean running = job.state() == JobState.RUNNING;
            Phase phase =
                    current.endsJobOnPurpose() ? current : running ? Phase.RUNNING : Phase.STARTING;
            var status = d.status().withObservedState(job).toBuilder().phase(phase);
            if (running && job.hasOwnCheckpoint()) {
                // Progress proves the job healthy: the next failure backs off from the start.
                status.retries(0).error(null);
            }
            if (releaseDone) {
                status.release(null);
            }
            return d.withStatus(status.build());
        }

        @Override
        public String event() {
            return releaseDone
                    ? "release done: job " + job.jobId() + " RUNNING with checkpoint"
                    : null;
        }
    }

    /** The intent's job exists: it becomes the current job, whoever submitted it. */
    record Adopt(ObservedJob job) implements StatusChange {
        @Override
        public Deployment apply(Deployment d) {
            return started(d, d.status().intent()).withStatus(s -> s.phase(phaseOf(job)));
        }

        @Override
        public String event() {
            return "adopted job " + job.jobId() + " (" + job.status() + ") found by its JobID";
        }
    }

    /**
     * The job failed or vanished: count it, and resubmit after the backoff; {@code windowStart} and
     * {@code failuresInWindow} track how fast failures repeat.
     */
    record RecordFailure(
            ObservedJob job,
            String reason,
            int retries,
            Instant nextRetryAt,
            Instant windowStart,
            int failuresInWindow)
            implements StatusChange {
        @Override
        public Deployment apply(Deployment d) {
            return d.withStatus(
                    d.status().withObservedState(job).toBuilder()
                            .jobId(null)
                            .phase(Phase.FAILED)
                            .retries(retries)
                            .nextRetryAt(nextRetryAt)
                            .error(reason)
                            .unhealthy(null)
                            .failureWindow(windowStart, failuresInWindow)
                            .build());
        }

        @Override
        public String event() {
            return reason + "; retry " + retries + " at " + nextRetryAt;
        }
    }

    /**
     * Retrying cannot help: the deployment waits for an operator, with the cause and the options in
     * its status. {@code job} is the job that ended, or null.
     */
    record NeedAttention(ObservedJob job, Attention attention, int retries)
            implements StatusChange {
        @Override
        public Deployment apply(Deployment d) {
            return d.withStatus(
                    d.status().withObservedState(job).toBuilder()
                            .jobId(null)
                            .intent(null)
                            .phase(Phase.NEEDS_ATTENTION)
                            .retries(retries)
                            .nextRetryAt(null)
                            .error(attention.cause())
                            .attention(attention)
                            .build());
        }

        @Override
        public String event() {
            return "needs attention: "
                    + attention.cause()
                    + "; retries "
                    + retries
                    + "; options: "
                    + String.join("; ", attention.options());
        }
    }

    /** An operator changed the spec of a deployment that needed attention: try afresh. */
    record ClearAttention(long generation) implements StatusChange {
        @Override
        public Deployment apply(Deployment d) {
            return d.withStatus(
                    s -> s.attention(null).failureWindow(null, 0).phase(Phase.PENDING).error(null));
        }

        @Override
        public String event() {
            return "generation " + generation + " asked for: retrying after attention";
        }
    }

    /** Whether the running job checkpoints as often as it should; null reason means healthy. */
    record SetHealth(String jobId, String unhealthyReason) implements StatusChange {
        @Override
        public Deployment apply(Deployment d) {
            return d.withStatus(s -> s.unhealthy(unhealthyReason));
        }

        @Override
        public String event() {
            return unhealthyReason == null
                    ? "job " + jobId + " healthy: checkpoints completing again"
                    : "job " + jobId + " unhealthy: " + unhealthyReason;
        }
    }

    /** The job ended as intended (stopped, cancelled for an upgrade): no retry counted. */
    record JobEnded(ObservedJob job, Phase next, String reason) implements StatusChange {
        @Override
        public Deployment apply(Deployment d) {
            var status =
                    d.status().withObservedState(job).toBuilder()
                            .jobId(null)
                            .phase(next)
                            .unhealthy(null);
            if (next == Phase.STOPPED) {
                status.retries(0).nextRetryAt(null).error(null).attention(null).waiting(null);
            }
            return d.withStatus(status.build());
        }

        @Override
        public String event() {
            return reason;
        }
    }

    /**
     * The release failed: generation {@code generation} is not retried, and the previous spec
     * starts again from the release's savepoint once the new job is gone.
     */
    record StartRollback(String reason, long generation, ObservedJob job, boolean jobEnded)
            implements StatusChange {
        @Override
        public Deployment apply(Deployment d) {
            var status =
                    d.status().withObservedState(job).toBuilder()
                            .phase(Phase.ROLLING_BACK)
                            .rolledBackGeneration(generation)
                            .error(reason);
            if (jobEnded) {
                status.jobId(null);
            }
            return d.withStatus(status.build());
        }

        @Override
        public String event() {
            return "rolling back generation " + generation + ": " + reason;
        }
    }

    /** The new spec changes nothing the job runs: record it as reconciled without a restart. */
    record AcceptSpec(DeploymentSpec spec) implements StatusChange {
        @Override
        public Deployment apply(Deployment d) {
            return d.withLastReconciledSpec(spec);
        }
    }

    /** The intent is settled by the observation: forget it. */
    record ClearIntent(String reason) implements StatusChange {
        @Override
        public Deployment apply(Deployment d) {
            return d.withStatus(s -> s.intent(null));
        }

        @Override
        public String event() {
            return reason;
        }
    }

    /**
     * The cluster cannot be observed. A phase that ends a job on purpose is kept, so that the job's
     * end is still recognised as intended once the cluster answers again.
     */
    record MarkUnknown(String reason) implements StatusChange {
        @Override
        public Deployment apply(Deployment d) {
            Phase phase = d.status().phase();
            return d.withStatus(
                    s -> s.phase(phase.endsJobOnPurpose() ? phase : Phase.UNKNOWN).error(reason));
        }

        @Override
        public String event() {
            return reason;
        }
    }

    /**
     * No cluster has room for the next job: wait, and say why, until room appears. A rollback stays
     * ROLLING_BACK, so that what starts once room appears is still the previous version.
     */
    record WaitForSlots(String reason) implements StatusChange {
        @Override
        public Deployment apply(Deployment d) {
            Phase phase =
                    d.status().phase() == Phase.ROLLING_BACK
                            ? Phase.ROLLING_BACK
                            : Phase.WAITING_FOR_SLOTS;
            return d.withStatus(s -> s.phase(phase).waiting(reason));
        }

        @Override
        public String event() {
            return "waiting for slots: " + reason;
        }
    }

    /** Sets the phase shown to people, when nothing else changes. */
    record SetPhase(Phase phase) implements StatusChange {
        @Override
        public Deployment apply(Deployment d) {
            return d.withStatus(s -> s.phase(phase));
        }
    }

    /** Nothing to do, and why. */
    record Nothing(String reason) implements StatusChange {
        @Override
        public Deployment apply(Deployment d) {
            return d;
        }
    }

    /**
     * The status once the intent's submit happened: its job is current, its spec is reconciled, and
     * the lineage's newest state is what it restored from.
     */
    static Deployment started(Deployment d, Intent intent) {
        return d.withLastReconciledSpec(intent.spec())
                .withStatus(
                        s ->
                                s.jobId(intent.jobId())
                                        .phase(Phase.STARTING)
                                        .intent(null)
                                        .newestRestorable(intent.restorePath())
                                        .release(intent.release())
                                        .nextRetryAt(null)
                                        .unhealthy(null)
                                        .waiting(null)
                                        .error(null));
    }

    private static Phase phaseOf(ObservedJob job) {
        return switch (job.state()) {
            case RUNNING -> Phase.RUNNING;
            case STARTING -> Phase.STARTING;
            default -> Phase.PENDING;
        };
    }
}
