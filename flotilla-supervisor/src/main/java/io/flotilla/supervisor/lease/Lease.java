package io.flotilla.supervisor.lease;

import java.time.Instant;

/**
 * Leadership held by one supervisor until {@code expiresAt}, or until its session ends when {@code
 * failover} is {@link Failover#SESSION_END}. The fencing {@code token} grows with every change of
 * holder; every write and sidecar call of the leader carries it.
 */
public record Lease(String holder, long token, Instant expiresAt, Failover failover) {

    /** A lease that only its expiry hands over. */
    public Lease(String holder, long token, Instant expiresAt) {
        this(holder, token, expiresAt, Failover.EXPIRY);
    }
}
