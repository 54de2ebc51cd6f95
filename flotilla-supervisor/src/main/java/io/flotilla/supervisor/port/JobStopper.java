package io.flotilla.supervisor.port;

/** Stops a job with a savepoint, asynchronously: trigger, then poll the operation. */
public interface JobStopper {

    /**
     * Triggers stop-with-savepoint. A job that already stopped answers with a completed operation
     * holding its final savepoint, so triggering again after a crash is safe.
     *
     * @return the operation's id
     */
    String stopWithSavepoint(String cluster, String jobId, long fencingToken);

    /**
     * @throws PortRejectedException when the operation is unknown (for instance after the sidecar
     *     restarted)
     */
    OperationStatus poll(String cluster, String operationId, long fencingToken);
}
