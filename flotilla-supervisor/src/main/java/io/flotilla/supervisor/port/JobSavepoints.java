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
     * @throws PortRejectedException when the operation is unknown (for instance after the sidecar
     *     restarted)
     */
    OperationStatus poll(String cluster, String operationId);
}
