package io.flotilla.supervisor.jdbc;

import io.flotilla.supervisor.model.AuditEntry;
import io.flotilla.supervisor.model.Cluster;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.port.StaleWriteException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The API store's clusters, lineage and audit-log reads in PostgreSQL, each in a transaction. */
final class JdbcCatalog {

    /** One unit of work on a connection inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Sets a statement's parameters. */
    @FunctionalInterface
    interface Parameters {
        void set(PreparedStatement st) throws SQLException;
    }

    /** Maps the current row of a result. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Checks how many rows a change touched, before it commits; throws to roll it back. */
    @FunctionalInterface
    interface RowCountCheck {
        void check(int rows);
    }

    private final DataSource db;

    JdbcCatalog(DataSource db) {
        this.db = db;
    }

    List<Cluster> clusters() {
        return query(
                db,
                "SELECT name, sidecar_url, token_ref, slots, lost_at, pool FROM clusters ORDER BY name",
                st -> {},
                JdbcCatalog::cluster);
    }

    Optional<Cluster> cluster(String name) {
        return query(
                        db,
                        "SELECT name, sidecar_url, token_ref, slots, lost_at, pool FROM clusters WHERE name = ?",
                        st -> st.setString(1, name),
                        JdbcCatalog::cluster)
                .stream()
                .findFirst();
    }

    private static Cluster cluster(ResultSet rs) throws SQLException {
        Timestamp lost = rs.getTimestamp(5);
        return new Cluster(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getInt(4),
                lost == null ? null : lost.toInstant(),
                rs.getString(6));
    }

    void putCluster(Cluster cl, Event audit) {
        change(
                db,
                "INSERT INTO clusters (name, sidecar_url, token_ref, slots, lost_at, pool)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET"
                        + " sidecar_url = EXCLUDED.sidecar_url, token_ref = EXCLUDED.token_ref,"
                        + " slots = EXCLUDED.slots, lost_at = EXCLUDED.lost_at,"
                        + " pool = EXCLUDED.pool",
                st -> {
                    st.setString(1, cl.name());
                    st.setString(2, cl.sidecarUrl());
                    st.setString(3, cl.tokenRef());
                    st.setInt(4, cl.slots());
                    st.setTimestamp(5, cl.lostAt() == null ? null : Timestamp.from(cl.lostAt()));
                    st.setString(6, cl.pool());
                },
                audit,
                rows -> {});
    }

    void putLineage(String deployment, String version, String json, Event audit) {
        change(
                db,
                "INSERT INTO lineage (deployment, version, document) VALUES (?, ?, ?::jsonb)"
                        + " ON CONFLICT (deployment, version) DO UPDATE SET document = EXCLUDED.document",
                st -> {
                    st.setString(1, deployment);
                    st.setString(2, version);
                    st.setString(3, json);
                },
                audit,
                rows -> {});
    }

    Optional<String> lineage(String deployment, String version) {
        return query(
                        db,
                        "SELECT document FROM lineage WHERE deployment = ? AND version = ?",
                        st -> {
                            st.setString(1, deployment);
                            st.setString(2, version);
                        },
                        rs -> rs.getString(1))
                .stream()
                .findFirst();
    }

    void appendAudit(Event event) {
        tx(
                c -> {
                    JdbcDeploymentStore.insertEvent(c, event);
                    return null;
                });
    }

    List<AuditEntry> events(String deployment, long afterId, int limit) {
        return query(
                db,
                "SELECT id, deployment, at, type, message, fencing_token, who FROM events"
                        + " WHERE id > ? AND (?::text IS NULL OR deployment = ?)"
                        + " ORDER BY id LIMIT ?",
                st -> {
                    st.setLong(1, afterId);
                    st.setString(2, deployment);
                    st.setString(3, deployment);
                    st.setInt(4, limit);
                },
                rs ->
                        new AuditEntry(
                                rs.getLong(1),
                                new Event(
                                        rs.getString(2),
                                        rs.getTimestamp(3).toInstant(),
                                        rs.getString(4),
                                        rs.getString(5),
                                        rs.getLong(6),
                                        rs.getString(7))));
    }

    private <T> T tx(Work<T> work) {
        return tx(db, work);
    }

    /** The rows one parameterised query selects, mapped, read in one transaction. */
    static <T> List<T> query(DataSource db, String sql, Parameters parameters, RowMapper<T> row) {
        return tx(
                db,
                c -> {
                    List<T> out = new ArrayList<>();
                    try (PreparedStatement st = c.prepareStatement(sql)) {
                        parameters.set(st);
                        try (ResultSet rs = st.executeQuery()) {
                            while (rs.next()) {
                                out.add(row.map(rs));
                            }
                        }
                    }
                    return out;
                });
    }

    /** Runs one parameterised change and its audit event in one transaction. */
    static void change(
            DataSource db, String sql, Parameters parameters, Event audit, RowCountCheck check) {
        tx(
                db,
                c -> {
                    try (PreparedStatement st = c.prepareStatement(sql)) {
                        parameters.set(st);
                        check.check(st.executeUpdate());
                    }
                    JdbcDeploymentStore.insertEvent(c, audit);
                    return null;
                });
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
     */
    static <T> T tx(DataSource db, Work<T> work) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("supervisor store: " + e.getMessage(), e);
        }
    }

    /**
     * {@link #tx} for a leader's write: when {@code fenced}, first checks in the same transaction
     * that {@code token} is the current lease's, so a replaced leader's late write is rolled back
     * and thrown as a {@link StaleWriteException}; other failures name {@code what}.
     */
    static <T> T fencedTx(DataSource db, boolean fenced, long token, String what, Work<T> work) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (fenced) {
                    JdbcLeaderLease.checkFence(c, token);
                }
                T result = work.run(c);
                c.commit();
                return result;
            } catch (StaleLeaderException e) {
                c.rollback();
                throw new StaleWriteException(e.getMessage());
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(what + ": " + e.getMessage(), e);
        }
    }
}
