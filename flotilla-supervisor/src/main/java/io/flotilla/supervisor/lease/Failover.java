package io.flotilla.supervisor.lease;

/** How a standby learns that a lease's holder is gone, and so how soon it may take over. */
public enum Failover {
    /**
     * The holder's own database session holds a lock beside the lease: when that session ends (the
     * process was killed, its connection closed), a standby may take the lease at once, before it
     * expires.
     */
    SESSION_END,
    /**
     * Only the lease running out: the holder has no such lock (turned off, not available, or still
     * held by a previous leader's lingering session).
     */
    EXPIRY
}
