package io.flotilla.supervisor;

import io.flotilla.supervisor.port.ClusterUnreachableException;
import io.flotilla.supervisor.port.JobSavepoints;
import io.flotilla.supervisor.port.OperationStatus;
import io.flotilla.supervisor.port.PortRejectedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Savepoints on request, in memory: each completes at the second poll, unless a switch says the
 * cluster does not answer or refuses.
 */
final class TestingSavepoints implements JobSavepoints {

    boolean unreachable;
    String refusal;

    /** Fenced requests with a lower token are refused, as a sidecar refuses a replaced leader. */
    long highestToken;

    final List<String> triggered = new ArrayList<>();

    /** The fencing token of each fenced request, in order. */
    final List<Long> tokens = new ArrayList<>();

    private final Map<String, Integer> polls = new LinkedHashMap<>();

    @Override
    public synchronized String savepoint(String cluster, String jobId) {
        if (unreachable) {
            throw new ClusterUnreachableException(cluster, "connection refused");
        }
        if (refusal != null) {
            throw new PortRejectedException("cluster " + cluster + " refused: " + refusal);
        }
        String id = "savepoint." + jobId + "." + triggered.size();
        triggered.add(cluster + "/" + jobId);
        polls.put(id, 0);
        return id;
    }

    @Override
    public synchronized String savepoint(String cluster, String jobId, long fencingToken) {
        if (fencingToken < highestToken) {
            throw new PortRejectedException(
                    "cluster " + cluster + " refused: fencing token " + fencingToken + " is stale");
        }
        highestToken = fencingToken;
        tokens.add(fencingToken);
        return savepoint(cluster, jobId);
    }

    @Override
    public synchronized OperationStatus poll(String cluster, String operationId) {
        if (unreachable) {
            throw new ClusterUnreachableException(cluster, "connection refused");
        }
        Integer n = polls.get(operationId);
        if (n == null) {
            throw new PortRejectedException("no operation " + operationId);
        }
        polls.put(operationId, n + 1);
        String jobId = operationId.split("\\.")[1];
        return n == 0
                ? new OperationStatus.InProgress()
                : new OperationStatus.Completed(
                        "s3://flotilla-state/" + cluster + "/savepoints/" + jobId + "/savepoint-x");
    }
}
