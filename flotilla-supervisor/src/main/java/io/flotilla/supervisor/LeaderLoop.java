package io.flotilla.supervisor;

import io.flotilla.supervisor.lease.Failover;
import io.flotilla.supervisor.lease.LeaderLease;
import io.flotilla.supervisor.lease.Lease;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Makes exactly one of several supervisors act: each step takes or renews the lease, and only the
 * holder ticks, with a supervisor bound to the lease's fencing token. A supervisor that lost the
 * lease stops acting; its late writes and sidecar calls carry an old token and are refused.
 */
public final class LeaderLoop {

    private final String holder;
    private final LeaderLease lease;
    private final Duration ttl;
    private final LongFunction<Supervisor> supervisorForToken;
    private long token = Long.MIN_VALUE;
    private volatile Supervisor supervisor;
    private volatile long leaseEndsNanos;
    private volatile Failover failover = Failover.EXPIRY;

    /**
     * @param holder the supervisor's name; a random id is added to it
     * @param ttl how long the lease lasts without renewal: the failover time of a leader that
     *     stalls, or whose lease has no session lock ({@link Failover#EXPIRY}). Steps must come
     *     well within it.
     * @param supervisorForToken a supervisor whose every write and call carries the given token
     */
    public LeaderLoop(
            String holder,
            LeaderLease lease,
            Duration ttl,
            LongFunction<Supervisor> supervisorForToken) {
        this.holder = withProcessId(holder);
        this.lease = lease;
        this.ttl = ttl;
        this.supervisorForToken = supervisorForToken;
    }

    /** One step: lead and tick, or stand by. Returns the tick's report when this one leads. */
    public Optional<Supervisor.TickReport> step() {
        // Taken before asking, so the local end of the lease is never later than the store's.
        long asked = System.nanoTime();
        Optional<Lease> held = lease.acquireOrRenew(holder, ttl);
        if (held.isEmpty()) {
            supervisor = null;
            return Optional.empty();
        }
        leaseEndsNanos = asked + ttl.toNanos();
        failover = held.get().failover();
        if (supervisor == null || held.get().token() != token) {
            token = held.get().token();
            supervisor = supervisorForToken.apply(token);
        }
        return Optional.of(supervisor.tick());
    }

    /**
     * Between steps: reconciles the deployments whose actions' outcomes may now be visible, if this
     * supervisor led at its last step. The lease is not renewed here; every write and call still
     * carries the token, so a lease lost meanwhile makes them refused.
     */
    public Optional<Supervisor.TickReport> followUp() {
        Supervisor current = supervisor;
        return current == null || !leading() ? Optional.empty() : Optional.of(current.followUp());
    }

    /**
     * When {@link #followUp} has work, or empty when not leading (also once the lease ran out since
     * the last step) or nothing is followed up.
     */
    public Optional<java.time.Instant> nextFollowUp() {
        Supervisor current = supervisor;
        return current == null || !leading() ? Optional.empty() : current.nextFollowUp();
    }

    /** A deployment's desired spec changed: reconcile it at the next follow-up if leading. */
    public void wake(String deployment) {
        Supervisor current = supervisor;
        if (current != null) {
            current.wake(deployment);
        }
    }

    /**
     * {@code name} with a random id of this supervisor: two processes given the same name (a copied
     * config, a restarted pod beside its old self) are two holders, so never both lead.
     */
    private static String withProcessId(String name) {
        byte[] id = new byte[6];
        new SecureRandom().nextBytes(id);
        return name + "#" + HexFormat.of().formatHex(id);
    }

    /**
     * Whether this supervisor holds the lease now: its last step took or renewed it and it has not
     * run out since. A tick longer than the lease loses it (another supervisor may then lead, and
     * the store refuses this one's writes), so the last step having led is not enough.
     */
    public boolean leading() {
        return supervisor != null && System.nanoTime() - leaseEndsNanos < 0;
    }

    /**
     * How a standby would take over from this supervisor's lease as of its last step: at once when
     * this process dies ({@link Failover#SESSION_END}), or once the lease expired.
     */
    public Failover failover() {
        return failover;
    }

    /**
     * Stops leading and gives the lease up, so that a standby takes over at its next step; called
     * once no step runs any more.
     */
    public void stepDown() {
        supervisor = null;
        lease.release(holder);
    }

    public long token() {
        return token;
    }

    /** The lease's holder of this supervisor: its name, '#' and its own random id. */
    public String holder() {
        return holder;
    }
}
