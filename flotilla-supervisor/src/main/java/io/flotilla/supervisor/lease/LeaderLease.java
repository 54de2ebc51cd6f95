package io.flotilla.supervisor.lease;

import java.time.Duration;
import java.util.Optional;

/** The one lease that makes exactly one of several supervisors act. */
public interface LeaderLease {

    /**
     * Takes the lease if it is free, expired or its holder's session ended (see {@link
     * Failover#SESSION_END}), or renews it if {@code holder} has it; empty when another supervisor
     * holds it. The token changes only when the holder does.
     */
    Optional<Lease> acquireOrRenew(String holder, Duration ttl);

    /**
     * Gives the lease up if {@code holder} has it, so that a standby takes it at its next step
     * instead of when it expires; called when a supervisor stops, after its last tick.
     */
    default void release(String holder) {}
}
