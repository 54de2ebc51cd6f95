package io.flotilla.supervisor.model;

import java.time.Instant;

/**
 * A session cluster the supervisor places deployments on, reached through its sidecar.
 *
 * @param tokenRef where the sidecar's token is read from ({@code env:NAME} or {@code file:PATH});
 *     the token itself is never stored
 * @param slots the task slots registered for it, or 0 to take what its sidecar reports
 * @param lostAt when an operator declared the cluster lost, or null: only then are its deployments
 *     placed elsewhere
 * @param pool the pool the cluster belongs to (a spec's {@code cluster: pool:NAME} may be placed on
 *     any healthy member), or null
 */
public record Cluster(
        String name, String sidecarUrl, String tokenRef, int slots, Instant lostAt, String pool) {

    /** A cluster in no pool. */
    public Cluster(String name, String sidecarUrl, String tokenRef, int slots, Instant lostAt) {
        this(name, sidecarUrl, tokenRef, slots, lostAt, null);
    }

    public boolean lost() {
        return lostAt != null;
    }

    public Cluster declaredLost(Instant at) {
        return new Cluster(name, sidecarUrl, tokenRef, slots, at, pool);
    }

    /** The cluster answering again with none of the jobs left behind on it running. */
    public Cluster recovered() {
        return new Cluster(name, sidecarUrl, tokenRef, slots, null, pool);
    }
}
