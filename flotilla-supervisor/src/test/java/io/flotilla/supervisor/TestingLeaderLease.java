package io.flotilla.supervisor;

import io.flotilla.supervisor.lease.LeaderLease;
import io.flotilla.supervisor.lease.Lease;
import java.time.Duration;
import java.util.Optional;

/** The lease in memory with the production rules, on the test's clock. */
final class TestingLeaderLease implements LeaderLease {

    private final TestingClock clock;
    private Lease current;

    TestingLeaderLease(TestingClock clock) {
        this.clock = clock;
    }

    /** The token of the lease now, or -1 when nobody holds it. */
    long currentToken() {
        return current == null || !current.expiresAt().isAfter(clock.now()) ? -1 : current.token();
    }

    @Override
    public Optional<Lease> acquireOrRenew(String holder, Duration ttl) {
        boolean free = current == null || !current.expiresAt().isAfter(clock.now());
        if (!free && !current.holder().equals(holder)) {
            return Optional.empty();
        }
        long token =
                current == null
                        ? 1
                        : current.holder().equals(holder) ? current.token() : current.token() + 1;
        current = new Lease(holder, token, clock.now().plus(ttl));
        return Optional.of(current);
    }
}
