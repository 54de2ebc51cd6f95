package io.flotilla.supervisor.jdbc;

import io.flotilla.supervisor.lease.Failover;
import io.flotilla.supervisor.lease.LeaderLease;
import io.flotilla.supervisor.lease.Lease;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link LeaderLease} in PostgreSQL: one upsert that takes a free or expired lease, renews the
 * holder's own, and leaves anyone else's alone; the database's clock decides expiry, so
 * supervisors' clocks need not agree. Beside it the holder keeps a {@link SessionLock} and says so
 * in {@code locked_by}: a standby that gets the lock while the holder says it has it knows the
 * holder's session ended, and takes the lease before it expires.
 */
public final class JdbcLeaderLease implements LeaderLease, AutoCloseable {

    // locked_by: the holder, when it held the session lock at its last renewal. A holder that
    // never writes it (no lock, an older supervisor) can be replaced only once its lease expired.
    private static final String UPSERT =
            "INSERT INTO supervisor_lease (name, holder, token, expires_at, locked_by)"
                    + " VALUES ('leader', ?, 1, now() + ? * interval '1 millisecond', ?)"
                    + " ON CONFLICT (name) DO UPDATE SET"
                    + "   token = CASE WHEN supervisor_lease.holder = EXCLUDED.holder"
                    + "                THEN supervisor_lease.token ELSE supervisor_lease.token + 1 END,"
                    + "   holder = EXCLUDED.holder,"
                    + "   expires_at = EXCLUDED.expires_at,"
                    + "   locked_by = EXCLUDED.locked_by"
                    + " WHERE supervisor_lease.holder = EXCLUDED.holder"
                    + "    OR supervisor_lease.expires_at < now()"
                    + "    OR (EXCLUDED.locked_by IS NOT NULL"
                    + "        AND supervisor_lease.locked_by = supervisor_lease.holder)"
                    + " RETURNING holder, token, expires_at, locked_by IS NOT NULL";

    private final DataSource db;
    private final SessionLock lock;

    /** A lease handed over by its expiry only. */
    public JdbcLeaderLease(DataSource db) {
        this(db, SessionLock.none());
    }

    /**
     * @param db the pool the lease's statements run on
     * @param lock this process's session lock, held while it leads
     */
    public JdbcLeaderLease(DataSource db, SessionLock lock) {
        this.db = db;
        this.lock = lock;
    }

    @Override
    public Optional<Lease> acquireOrRenew(String holder, Duration ttl) {
        // Taken first: holding it while the holder says it has it proves the holder's session over.
        boolean locked = lock.hold();
        Optional<Lease> lease = upsert(holder, ttl, locked);
        if (lease.isEmpty() && locked) {
            // Of no use to a standby, and the leader may want it back (its own connection broke).
            lock.release();
        }
        return lease;
    }

    private Optional<Lease> upsert(String holder, Duration ttl, boolean locked) {
        try (Connection c = db.getConnection();
                PreparedStatement st = c.prepareStatement(UPSERT)) {
            st.setString(1, holder);
            st.setLong(2, ttl.toMillis());
            st.setString(3, locked ? holder : null);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(
                        new Lease(
                                rs.getString(1),
                                rs.getLong(2),
                                rs.getTimestamp(3).toInstant(),
                                rs.getBoolean(4) ? Failover.SESSION_END : Failover.EXPIRY));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("lease: " + e.getMessage(), e);
        }
    }

    /**
     * Ends {@code holder}'s lease now, if it has it, and its session lock: a standby takes over at
     * its next step.
     */
    @Override
    public void release(String holder) {
        try (Connection c = db.getConnection();
                PreparedStatement st =
                        c.prepareStatement(
                                "UPDATE supervisor_lease SET expires_at = now(), locked_by = NULL"
                                        + " WHERE name = 'leader' AND holder = ?")) {
            st.setString(1, holder);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("lease: " + e.getMessage(), e);
        } finally {
            lock.release();
        }
    }

    @Override
    public void close() {
        lock.close();
    }

    /**
     * Fails unless {@code token} is the current lease's token and it has not expired; called in the
     * transaction of every write, so a stale leader's late write is rolled back.
     */
    public static void checkFence(Connection c, long token) throws SQLException {
        try (PreparedStatement st =
                c.prepareStatement(
                        "SELECT token FROM supervisor_lease WHERE name = 'leader'"
                                + " AND expires_at > now() FOR SHARE")) {
            try (ResultSet rs = st.executeQuery()) {
                long current = rs.next() ? rs.getLong(1) : -1;
                if (current != token) {
                    throw new StaleLeaderException(token, current);
                }
            }
        }
    }
}
