package io.flotilla.supervisor.http;

import io.flotilla.supervisor.port.ClusterLogs;
import io.flotilla.supervisor.port.ClusterUnreachableException;
import io.flotilla.supervisor.port.JobSavepoints;
import io.flotilla.supervisor.port.OperationStatus;
import io.flotilla.supervisor.port.StateLister;

/**
 * What the API reads from and asks of the clusters, through their sidecars, outside the loop: logs
 * and failures, the state a deployment left, savepoints on request.
 *
 * @param states null when this API lists no cluster's state
 */
public record ClusterAccess(ClusterLogs logs, StateLister states, JobSavepoints savepoints) {

    private static final JobSavepoints NO_SAVEPOINTS =
            new JobSavepoints() {
                @Override
                public String savepoint(String cluster, String jobId) {
                    throw new ClusterUnreachableException(cluster, "this API reaches no cluster");
                }

                @Override
                public String savepoint(String cluster, String jobId, long fencingToken) {
                    return savepoint(cluster, jobId);
                }

                @Override
                public OperationStatus poll(String cluster, String operationId) {
                    throw new ClusterUnreachableException(cluster, "this API reaches no cluster");
                }
            };

    /** Only logs; no state listings, no savepoints (they answer that no cluster is reached). */
    public static ClusterAccess logsOnly(ClusterLogs logs) {
        return new ClusterAccess(logs, null, NO_SAVEPOINTS);
    }
}
