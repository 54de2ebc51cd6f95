package io.flotilla.supervisor.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A side effect the supervisor is about to take, persisted before it is taken so that whoever runs
 * next finds its JobID in the cluster before doing anything else.
 *
 * @param cluster where the step acts
 * @param spec for SUBMIT the spec being started; null otherwise
 * @param restorePath for SUBMIT the state the job starts from, or null
 * @param release for SUBMIT the release to watch once the job runs, or null
 * @param operationId for STOP_WITH_SAVEPOINT the sidecar's operation, once it answered
 */
public record Intent(
        Step step,
        String jobId,
        String cluster,
        DeploymentSpec spec,
        String restorePath,
        Release release,
        String operationId,
        Instant startedAt,
        long fencingToken) {

    /** The side effects that need an intent. */
    public enum Step {
        SUBMIT,
        STOP_WITH_SAVEPOINT,
        CANCEL
    }

    public Intent {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(startedAt, "startedAt");
        if (step == Step.SUBMIT) {
            Objects.requireNonNull(spec, "spec of a submit");
        }
    }

    public Intent withOperationId(String id) {
        return new Intent(
                step, jobId, cluster, spec, restorePath, release, id, startedAt, fencingToken);
    }
}
