package io.flotilla.supervisor.lease;

import java.time.Duration;
import java.util.Optional;

/** The one lease that makes exactly one of several supervisors act. */
public interface LeaderLease {

    /**
     * Takes the lease if it is free or expired, or renews it if {@code holder} has it; empty when
     * another supervisor holds it. The token changes only when the holder does.
     */
    Optional<Lease> acquireOrRenew(String holder, Duration ttl);
}
