package io.flotilla.supervisor.jdbc;

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
 * supervisors' clocks need not agree.
 */
public final class JdbcLeaderLease implements LeaderLease {

    private static final String UPSERT =
            "INSERT INTO supervisor_lease (name, holder, token, expires_at)"
                    + " VALUES ('leader', ?, 1, now() + ? * interval '1 millisecond')"
                    + " ON CONFLICT (name) DO UPDATE SET"
                    + "   token = CASE WHEN supervisor_lease.holder = EXCLUDED.holder"
                    + "                THEN supervisor_lease.token ELSE supervisor_lease.token + 1 END,"
                    + "   holder = EXCLUDED.holder,"
                    + "   expires_at = EXCLUDED.expires_at"
                    + " WHERE supervisor_lease.holder = EXCLUDED.holder"
                    + "    OR supervisor_lease.expires_at < now()"
                    + " RETURNING holder, token, expires_at";

    private final DataSource db;

    public JdbcLeaderLease(DataSource db) {
        this.db = db;
    }

    @Override
    public Optional<Lease> acquireOrRenew(String holder, Duration ttl) {
        try (Connection c = db.getConnection();
                PreparedStatement st = c.prepareStatement(UPSERT)) {
            st.setString(1, holder);
            st.setLong(2, ttl.toMillis());
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(
                        new Lease(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("lease: " + e.getMessage(), e);
        }
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
