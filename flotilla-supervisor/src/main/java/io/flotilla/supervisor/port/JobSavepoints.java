package io.flotilla.supervisor.port;

/** Takes savepoints of running jobs on request, asynchronously: trigger, then poll. */
public interface JobSavepoints {

    /**
     * Triggers a savepoint of {@code jobId}, which keeps running, into its own savepoint folder.
     *
     * @return the operation's id
     * @throws ClusterUnreachableException when the cluster (its sidecar) does not answer
     * @throws PortRejectedException when the cluster refuses (no such job, not running)
     */
    String savepoint(String cluster, String jobId);

    /**
     * As {@link #savepoint(String, String)}, for the leader's loop: sent with its fencing token, so
     * that a leader replaced since is refused ({@link PortRejectedException}) instead of acting on
     * a job its successor may be stopping or releasing.
     */
    String savepoint(String cluster, String jobId, long fencingToken);

    /**
     * @throws PortRejectedException when the operation is unknown (for instance after the sidecar
     *     restarted)
     */
    OperationStatus poll(String cluster, String operationId);
}
