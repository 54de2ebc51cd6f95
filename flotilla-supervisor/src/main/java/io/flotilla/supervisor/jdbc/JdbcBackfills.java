package io.flotilla.supervisor.jdbc;

import io.flotilla.supervisor.model.Backfill;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.port.BackfillStore;
import io.flotilla.supervisor.port.StaleWriteException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Backfills in PostgreSQL's {@code backfills} table; a new one is stored with its audit event. */
public final class JdbcBackfills implements BackfillStore {

    private static final String COLUMNS =
            "id, deployment, range_from, range_to, into_table, version, job_id, cluster,"
                    + " submitted, status, requested_by, started, ended, error, cancel_requested_by";

    private final DataSource db;
    private final boolean fencedByLease;

    /**
     * @param fencedByLease check in every leader's update's transaction that its token is the
     *     current lease's, as {@link JdbcDeploymentStore} does (tests without a lease: false)
     */
    public JdbcBackfills(DataSource db, boolean fencedByLease) {
        this.db = db;
        this.fencedByLease = fencedByLease;
    }

    @Override
    public Backfill create(Backfill b, Event audit) {
        return JdbcCatalog.tx(
                db,
                c -> {
                    long id;
                    try (PreparedStatement st =
                            c.prepareStatement(
                                    "INSERT INTO backfills (deployment, range_from, range_to,"
                                            + " into_table, version, job_id, cluster, submitted,"
                                            + " status, requested_by, started, ended, error)"
                                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                            + " RETURNING id")) {
                        st.setString(1, b.deployment());
                        st.setTimestamp(2, Timestamp.from(b.from()));
                        st.setTimestamp(3, Timestamp.from(b.to()));
                        st.setString(4, b.into());
                        st.setString(5, b.version());
                        st.setString(6, b.jobId());
                        st.setString(7, b.cluster());
                        st.setBoolean(8, b.submitted());
                        st.setString(9, b.status().name());
                        st.setString(10, b.requestedBy());
                        st.setTimestamp(11, Timestamp.from(b.started()));
                        st.setTimestamp(12, time(b.ended()));
                        st.setString(13, b.error());
                        try (ResultSet rs = st.executeQuery()) {
                            rs.next();
                            id = rs.getLong(1);
                        }
                    }
                    JdbcDeploymentStore.insertEvent(c, audit);
                    return b.withId(id);
                });
    }

    @Override
    public List<Backfill> of(String deployment) {
        return JdbcCatalog.query(
                db,
                "SELECT " + COLUMNS + " FROM backfills WHERE deployment = ? ORDER BY id DESC",
                st -> st.setString(1, deployment),
                JdbcBackfills::backfill);
    }

    @Override
    public Optional<Backfill> get(String deployment, long id) {
        return JdbcCatalog.query(
                        db,
                        "SELECT " + COLUMNS + " FROM backfills WHERE deployment = ? AND id = ?",
                        st -> {
                            st.setString(1, deployment);
                            st.setLong(2, id);
                        },
                        JdbcBackfills::backfill)
                .stream()
                .findFirst();
    }

    @Override
    public List<Backfill> running() {
        return JdbcCatalog.query(
                db,
                "SELECT " + COLUMNS + " FROM backfills WHERE status = 'RUNNING' ORDER BY id",
                st -> {},
                JdbcBackfills::backfill);
    }

    @Override
    public boolean requestCancel(long id, String who, Event audit) {
        return JdbcCatalog.tx(
                db,
                c -> {
                    int n;
                    try (PreparedStatement st =
                            c.prepareStatement(
                                    "UPDATE backfills SET cancel_requested_by ="
                                            + " COALESCE(cancel_requested_by, ?)"
                                            + " WHERE id = ? AND status = 'RUNNING'")) {
                        st.setString(1, who);
                        st.setLong(2, id);
                        n = st.executeUpdate();
                    }
                    if (n == 1) {
                        JdbcDeploymentStore.insertEvent(c, audit);
                    }
                    return n == 1;
                });
    }

    @Override
    public void update(Backfill b, long fencingToken) {
        JdbcCatalog.fencedTx(
                db,
                fencedByLease,
                fencingToken,
                "updating backfill " + b.id(),
                c -> {
                    write(c, b, fencingToken);
                    return null;
                });
    }

    private static void write(Connection c, Backfill b, long fencingToken) throws SQLException {
        try (PreparedStatement st =
                c.prepareStatement(
                        "UPDATE backfills SET cluster = ?, submitted = ?, status = ?, ended = ?,"
                                + " error = ?, fencing_token = ?"
                                + " WHERE id = ? AND fencing_token <= ?")) {
            st.setString(1, b.cluster());
            st.setBoolean(2, b.submitted());
            st.setString(3, b.status().name());
            st.setTimestamp(4, time(b.ended()));
            st.setString(5, b.error());
            st.setLong(6, fencingToken);
            st.setLong(7, b.id());
            st.setLong(8, fencingToken);
            if (st.executeUpdate() != 1) {
                throw new StaleWriteException(
                        "backfill "
                                + b.id()
                                + " is gone or a newer leader (token above "
                                + fencingToken
                                + ") has written it");
            }
        }
    }

    private static Timestamp time(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Backfill backfill(ResultSet rs) throws SQLException {
        Timestamp ended = rs.getTimestamp(13);
        return new Backfill(
                rs.getLong(1),
                rs.getString(2),
                rs.getTimestamp(3).toInstant(),
                rs.getTimestamp(4).toInstant(),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getBoolean(9),
                Backfill.Status.valueOf(rs.getString(10)),
                rs.getString(11),
                rs.getTimestamp(12).toInstant(),
                ended == null ? null : ended.toInstant(),
                rs.getString(14),
                rs.getString(15));
    }
}
