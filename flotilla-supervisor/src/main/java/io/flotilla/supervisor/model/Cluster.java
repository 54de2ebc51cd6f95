package io.flotilla.supervisor.model;

import java.time.Instant;

/**
 * A session cluster the supervisor places deployments on, reached through its sidecar.
 *
 * @param tokenRef where the sidecar's token is read from ({@code env:NAME} or {@code file:PATH});
 *     the token itself is never stored
 * @param lostAt when an operator declared the cluster lost, or null: only then are its deployments
 *     placed elsewhere
 */
public record Cluster(String name, String sidecarUrl, String tokenRef, int slots, Instant lostAt) {

    public boolean lost() {
        return lostAt != null;
    }

    public Cluster declaredLost(Instant at) {
        return new Cluster(name, sidecarUrl, tokenRef, slots, at);
    }

    /** The cluster answering again with none of the jobs left behind on it running. */
    public Cluster recovered() {
        return new Cluster(name, sidecarUrl, tokenRef, slots, null);
    }
}
