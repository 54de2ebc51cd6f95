package io.flotilla.supervisor.jdbc;

import static io.flotilla.supervisor.jdbc.JdbcDeploymentStore.read;

import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.DeploymentSpec;
import io.flotilla.supervisor.model.DeploymentStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Every deployment as of the last load, brought up to date at each load by reading and parsing only
 * the rows written since: a tick of 100,000 deployments spent most of its time re-reading 100,000
 * unchanged JSON documents.
 *
 * <p>Why this is never stale: each load runs in one REPEATABLE READ transaction and keeps its
 * snapshot ({@code pg_current_snapshot()}). Each row carries the id of the transaction that last
 * wrote it ({@code written_by}, set by a trigger on every write, V9). A row whose writer is visible
 * in the kept snapshot was read by the last load as it is now, since that writer committed before
 * the snapshot and nothing wrote the row after it; every other row is read again. A writer still
 * running at the last load is in that snapshot's in-progress list, so it is invisible there and its
 * rows are read once it commits, however the transactions' ids and commits interleave. A change
 * counter from a sequence would not do: a lower value can commit after a higher one was seen, and
 * its row would be skipped. So a tick sees every write that committed before it started, as a full
 * read does. Deleted rows are found by the row count of the same snapshot: the cache then holds
 * more rows than the table, and the names are read to drop the others.
 */
final class JdbcDeploymentCache {

    private static final String COLUMNS =
            "SELECT name, spec, last_reconciled_spec, status, created_at, updated_at"
                    + " FROM deployments";

    private final DataSource db;
    private final TreeMap<String, Deployment> rows = new TreeMap<>();

    /** The snapshot of the last load ({@code xmin:xmax:xip,...}), or null before the first. */
    private String snapshot;

    /** How many rows the last load read and parsed, for tests and the bench. */
    private int lastRead;

    JdbcDeploymentCache(DataSource db) {
        this.db = db;
    }

    /** Every deployment committed before the call, by name. */
    synchronized List<Deployment> loadAll() {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                String now = currentSnapshot(c);
                if (snapshot == null || xmin(now) < xmin(snapshot)) {
                    // The first load, or a database whose transaction ids went back (restored
                    // into another cluster): nothing kept can be trusted.
                    rows.clear();
                    lastRead = readRows(c, COLUMNS, null);
                } else {
                    lastRead =
                            readRows(
                                    c,
                                    COLUMNS
                                            + " WHERE written_by >= pg_snapshot_xmin(?::pg_snapshot)"
                                            + " AND NOT pg_visible_in_snapshot(written_by, ?::pg_snapshot)",
                                    snapshot);
                    dropDeleted(c);
                }
                c.commit();
                snapshot = now;
                return List.copyOf(rows.values());
            } catch (SQLException | RuntimeException e) {
                // Some rows may be newer than the kept snapshot says: start afresh next time.
                snapshot = null;
                rows.clear();
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("loading deployments: " + e.getMessage(), e);
        }
    }

    /** How many rows the last {@link #loadAll} read from the table. */
    synchronized int lastRead() {
        return lastRead;
    }

    private static String currentSnapshot(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT pg_current_snapshot()::text");
                ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long xmin(String snapshot) {
        return Long.parseLong(snapshot.substring(0, snapshot.indexOf(':')));
    }

    private int readRows(Connection c, String sql, String since) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            if (since != null) {
                st.setString(1, since);
                st.setString(2, since);
            }
            try (ResultSet rs = st.executeQuery()) {
                int n = 0;
                while (rs.next()) {
                    Deployment d = row(rs, 2);
                    rows.put(rs.getString(1), d);
                    n++;
                }
                return n;
            }
        }
    }

    /** A deployment from the columns spec, last_reconciled_spec, status, created_at, updated_at. */
    static Deployment row(ResultSet rs, int first) throws SQLException {
        String last = rs.getString(first + 1);
        return new Deployment(
                read(rs.getString(first), DeploymentSpec.class),
                last == null ? null : read(last, DeploymentSpec.class),
                read(rs.getString(first + 2), DeploymentStatus.class),
                rs.getTimestamp(first + 3).toInstant(),
                rs.getTimestamp(first + 4).toInstant());
    }

    /**
     * Every row kept is either in the table or deleted; only a deletion makes the counts differ.
     */
    private void dropDeleted(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT count(*) FROM deployments");
                ResultSet rs = st.executeQuery()) {
            rs.next();
            if (rs.getLong(1) == rows.size()) {
                return;
            }
        }
        Set<String> names = new HashSet<>();
        try (PreparedStatement st = c.prepareStatement("SELECT name FROM deployments");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        rows.keySet().retainAll(names);
    }
}
