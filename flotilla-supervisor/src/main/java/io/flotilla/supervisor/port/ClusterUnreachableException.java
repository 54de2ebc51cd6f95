package io.flotilla.supervisor.port;

/**
 * The cluster (its sidecar) did not answer: the request may or may not have been carried out, so
 * the supervisor backs off that cluster and learns the truth from its next observation.
 */
public class ClusterUnreachableException extends RuntimeException {

    public ClusterUnreachableException(String cluster, String message) {
        super("cluster " + cluster + " unreachable: " + message);
    }
}
