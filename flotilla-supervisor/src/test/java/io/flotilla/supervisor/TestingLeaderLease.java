package io.flotilla.supervisor;

import io.flotilla.supervisor.lease.Failover;
import io.flotilla.supervisor.lease.LeaderLease;
import io.flotilla.supervisor.lease.Lease;
import java.time.Duration;
import java.util.Optional;

/**
 * The lease in memory with the production rules, on the test's clock: beside it one session lock,
 * held by at most one holder's session; a holder whose session the test ends (its process killed,
 * its connection broken) loses the lock, and a standby holding it may take the lease before it
 * expires. Switches: the lock unavailable, the store failing.
 */
final class TestingLeaderLease implements LeaderLease {

    private final TestingClock clock;
    private Lease current;
    private String lockedBy;
    private String lockOwner;
    private boolean lockUnavailable;
    private boolean failing;

    TestingLeaderLease(TestingClock clock) {
        this.clock = clock;
    }

    /** The token of the lease now, or -1 when nobody holds it. */
    long currentToken() {
        return current == null || !current.expiresAt().isAfter(clock.now()) ? -1 : current.token();
    }

    /** {@code holder}'s session ends, as when its process is killed: the lock is free. */
    void endSession(String holder) {
        if (holder.equals(lockOwner)) {
            lockOwner = null;
        }
    }

    /** From now on no one can take the lock (a pooler in transaction mode, an error), or again. */
    void lockUnavailable(boolean unavailable) {
        lockUnavailable = unavailable;
    }

    /** From now on every call fails as an unreachable database would, or works again. */
    void failing(boolean fail) {
        failing = fail;
    }

    @Override
    public Optional<Lease> acquireOrRenew(String holder, Duration ttl) {
        if (failing) {
            throw new IllegalStateException("lease: database unreachable");
        }
        if (lockOwner == null && !lockUnavailable) {
            lockOwner = holder;
        }
        boolean locked = holder.equals(lockOwner);
        boolean free = current == null || !current.expiresAt().isAfter(clock.now());
        boolean ownerGone = locked && current != null && current.holder().equals(lockedBy);
        if (!free && !current.holder().equals(holder) && !ownerGone) {
            if (locked) {
                lockOwner = null;
            }
            return Optional.empty();
        }
        long token =
                current == null
                        ? 1
                        : current.holder().equals(holder) ? current.token() : current.token() + 1;
        lockedBy = locked ? holder : null;
        current =
                new Lease(
                        holder,
                        token,
                        clock.now().plus(ttl),
                        locked ? Failover.SESSION_END : Failover.EXPIRY);
        return Optional.of(current);
    }

    @Override
    public void release(String holder) {
        if (current != null && current.holder().equals(holder)) {
            current = new Lease(holder, current.token(), clock.now(), Failover.EXPIRY);
            lockedBy = null;
        }
        endSession(holder);
    }
}
