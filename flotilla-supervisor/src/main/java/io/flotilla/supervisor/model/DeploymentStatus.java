package io.flotilla.supervisor.model;

import java.time.Instant;

/**
 * What the supervisor knows and has done about a deployment; only the supervisor writes it.
 *
 * @param jobId the deployment's current job, or null when it has none
 * @param newestRestorable the newest state the current lineage can restore from: the restore path
 *     of the last submit, then every checkpoint or savepoint observed after it
 * @param attempts how many JobIDs were derived so far; the next one uses {@code attempts + 1}, so a
 *     JobID is never reused (Flink refuses a JobID it has seen)
 * @param nextRetryAt no new side effect before this instant, or null
 * @param intent the side effect in flight, or null
 * @param release the release being proven, or null
 * @param rolledBackGeneration the desired generation that was rolled back and is not retried until
 *     the spec changes again, or 0
 * @param failureWindowStart when the first failure counted in {@code failuresInWindow} happened
 * @param failuresInWindow failures since {@code failureWindowStart}: too many make a crash loop
 * @param unhealthy why the running job is not healthy (no recent checkpoint), or null
 * @param attention for NEEDS_ATTENTION: the cause and what an operator can do, or null
 * @param waiting for WAITING_FOR_SLOTS: why no cluster has room (or a Flink version in the spec's
 *     range) for the next job, or null
 */
public record DeploymentStatus(
        String jobId,
        Phase phase,
        String lastSavepoint,
        String lastCheckpoint,
        String newestRestorable,
        int retries,
        Instant nextRetryAt,
        long attempts,
        Intent intent,
        String error,
        Release release,
        long rolledBackGeneration,
        Instant failureWindowStart,
        int failuresInWindow,
        String unhealthy,
        Attention attention,
        String waiting) {

    public static DeploymentStatus initial() {
        return new DeploymentStatus(
                null,
                Phase.PENDING,
                null,
                null,
                null,
                0,
                null,
                0,
                null,
                null,
                null,
                0,
                null,
                0,
                null,
                null,
                null);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Takes in the checkpoint and savepoint an observation reports. A path not seen before is newer
     * than anything recorded; a savepoint wins a tie because stop-with-savepoint ends with one.
     */
    public DeploymentStatus withObservedState(ObservedJob job) {
        if (job == null) {
            return this;
        }
        Builder b = toBuilder();
        boolean finished = job.state() == JobState.FINISHED;
        if (job.lastCheckpointPath() != null && !job.lastCheckpointPath().equals(lastCheckpoint)) {
            b.lastCheckpoint(job.lastCheckpointPath());
            // Flink deletes a finished job's checkpoints (they are retained only on cancellation
            // and failure): one first seen as the job finishes is no state to restore from, and
            // the savepoint it stopped with is newer.
            if (!finished) {
                b.newestRestorable(job.lastCheckpointPath());
            }
        }
        if (job.lastSavepointPath() != null && !job.lastSavepointPath().equals(lastSavepoint)) {
            b.lastSavepoint(job.lastSavepointPath()).newestRestorable(job.lastSavepointPath());
        }
        if (finished && job.lastSavepointPath() != null) {
            // A job that finished with a savepoint stopped with it: nothing after it exists.
            b.newestRestorable(job.lastSavepointPath());
        }
        return b.build();
    }

    /** Copy-and-change for a record with many fields. */
    public static final class Builder {
        private String jobId;
        private Phase phase;
        private String lastSavepoint;
        private String lastCheckpoint;
        private String newestRestorable;
        private int retries;
        private Instant nextRetryAt;
        private long attempts;
        private Intent intent;
        private String error;
        private Release release;
        private long rolledBackGeneration;
        private Instant failureWindowStart;
        private int failuresInWindow;
        private String unhealthy;
        private Attention attention;
        private String waiting;

        private Builder(DeploymentStatus s) {
            jobId = s.jobId;
            phase = s.phase;
            lastSavepoint = s.lastSavepoint;
            lastCheckpoint = s.lastCheckpoint;
            newestRestorable = s.newestRestorable;
            retries = s.retries;
            nextRetryAt = s.nextRetryAt;
            attempts = s.attempts;
            intent = s.intent;
            error = s.error;
            release = s.release;
            rolledBackGeneration = s.rolledBackGeneration;
            failureWindowStart = s.failureWindowStart;
            failuresInWindow = s.failuresInWindow;
            unhealthy = s.unhealthy;
            attention = s.attention;
            waiting = s.waiting;
        }

        public Builder jobId(String v) {
            jobId = v;
            return this;
        }

        public Builder phase(Phase v) {
            phase = v;
            return this;
        }

        public Builder lastSavepoint(String v) {
            lastSavepoint = v;
            return this;
        }

        public Builder lastCheckpoint(String v) {
            lastCheckpoint = v;
            return this;
        }

        public Builder newestRestorable(String v) {
            newestRestorable = v;
            return this;
        }

        public Builder retries(int v) {
            retries = v;
            return this;
        }

        public Builder nextRetryAt(Instant v) {
            nextRetryAt = v;
            return this;
        }

        public Builder attempts(long v) {
            attempts = v;
            return this;
        }

        public Builder intent(Intent v) {
            intent = v;
            return this;
        }

        public Builder error(String v) {
            error = v;
            return this;
        }

        public Builder release(Release v) {
            release = v;
            return this;
        }

        public Builder rolledBackGeneration(long v) {
            rolledBackGeneration = v;
            return this;
        }

        public Builder failureWindow(Instant start, int failures) {
            failureWindowStart = start;
            failuresInWindow = failures;
            return this;
        }

        public Builder unhealthy(String v) {
            unhealthy = v;
            return this;
        }

        public Builder attention(Attention v) {
            attention = v;
            return this;
        }

        public Builder waiting(String v) {
            waiting = v;
            return this;
        }

        public DeploymentStatus build() {
            return new DeploymentStatus(
                    jobId,
                    phase,
                    lastSavepoint,
                    lastCheckpoint,
                    newestRestorable,
                    retries,
                    nextRetryAt,
                    attempts,
                    intent,
                    error,
                    release,
                    rolledBackGeneration,
                    failureWindowStart,
                    failuresInWindow,
                    unhealthy,
                    attention,
                    waiting);
        }
    }
}
