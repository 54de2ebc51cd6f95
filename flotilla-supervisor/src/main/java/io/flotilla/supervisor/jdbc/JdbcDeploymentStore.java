package io.flotilla.supervisor.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.DeploymentSpec;
import io.flotilla.supervisor.model.DeploymentStatus;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.port.DeploymentStore;
import io.flotilla.supervisor.port.StaleWriteException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/**
 * {@link DeploymentStore} in PostgreSQL. Specs and status are JSONB documents of the model's
 * records. A save is refused when the desired spec moved on (its generation) or a higher fencing
 * token has written, all in one conditional UPDATE.
 */
public final class JdbcDeploymentStore implements DeploymentStore {

    static final ObjectMapper JSON =
            new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Rows per JDBC batch: large enough to save the round trips, small enough for one packet. */
    private static final int BATCH = 500;

    private final DataSource db;
    private final boolean fencedByLease;
    private final JdbcDeploymentCache cache;

    /**
     * @param fencedByLease check in every save's transaction that its token is the current lease's,
     *     so a replaced leader cannot write any row; without it, only a row a newer token wrote is
     *     protected
     */
    public JdbcDeploymentStore(DataSource db, boolean fencedByLease) {
        this.db = db;
        this.fencedByLease = fencedByLease;
        this.cache = new JdbcDeploymentCache(db);
    }

    /**
     * Every deployment committed before the call; only rows written since the last call are read
     * and parsed (see {@link JdbcDeploymentCache} for why that is never stale).
     */
    @Override
    public List<Deployment> loadAll() {
        return cache.loadAll();
    }

    /** How many rows the last {@link #loadAll} read and parsed: all at first, then the changed. */
    public int lastLoadRead() {
        return cache.lastRead();
    }

    /** The named deployments in one query. */
    @Override
    public List<Deployment> load(Collection<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        try (Connection c = db.getConnection();
                PreparedStatement st =
                        c.prepareStatement(
                                "SELECT spec, last_reconciled_spec, status, created_at, updated_at"
                                        + " FROM deployments WHERE name = ANY (?) ORDER BY name")) {
            st.setArray(1, c.createArrayOf("text", names.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                return rows(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("loading deployments: " + e.getMessage(), e);
        }
    }

    private static List<Deployment> rows(ResultSet rs) throws SQLException {
        List<Deployment> out = new ArrayList<>();
        while (rs.next()) {
            out.add(JdbcDeploymentCache.row(rs, 1));
        }
        return out;
    }

    /** Creates a deployment or replaces its desired spec (the API's write); keeps the status. */
    public void putSpec(DeploymentSpec spec) {
        putSpecs(List.of(spec));
    }

    /**
     * {@link #putSpec} of many specs in one transaction, sent as JDBC batches of {@value #BATCH}.
     */
    public void putSpecs(List<DeploymentSpec> specs) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement st =
                    c.prepareStatement(
                            "INSERT INTO deployments (name, generation, spec, status)"
                                    + " VALUES (?, ?, ?::jsonb, ?::jsonb)"
                                    + " ON CONFLICT (name) DO UPDATE SET generation = EXCLUDED.generation,"
                                    + " spec = EXCLUDED.spec, updated_at = now()")) {
                String initial = write(DeploymentStatus.initial());
                int n = 0;
                for (DeploymentSpec spec : specs) {
                    st.setString(1, spec.name());
                    st.setLong(2, spec.generation());
                    st.setString(3, write(spec));
                    st.setString(4, initial);
                    st.addBatch();
                    if (++n % BATCH == 0) {
                        st.executeBatch();
                    }
                }
                st.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "saving " + specs.size() + " specs: " + e.getMessage(), e);
        }
    }

    @Override
    public void save(Deployment d, long fencingToken) {
        JdbcCatalog.fencedTx(
                db,
                fencedByLease,
                fencingToken,
                "saving " + d.name(),
                c -> {
                    update(c, d, fencingToken);
                    return null;
                });
    }

    /**
     * Many saves in one transaction: the fence is checked once, the rows go as JDBC batches of
     * {@value #BATCH} conditional UPDATEs, and a row whose generation moved on (or that a newer
     * token wrote) is reported and left as it is.
     */
    @Override
    public List<String> saveAll(List<Deployment> deployments, long fencingToken) {
        if (deployments.isEmpty()) {
            return List.of();
        }
        List<String> stale = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement st = c.prepareStatement(UPDATE)) {
                if (fencedByLease) {
                    JdbcLeaderLease.checkFence(c, fencingToken);
                }
                for (int from = 0; from < deployments.size(); from += BATCH) {
                    List<Deployment> chunk =
                            deployments.subList(from, Math.min(deployments.size(), from + BATCH));
                    for (Deployment d : chunk) {
                        bind(st, d, fencingToken);
                        st.addBatch();
                    }
                    int[] counts = st.executeBatch();
                    for (int i = 0; i < counts.length; i++) {
                        if (counts[i] == 0) {
                            stale.add(chunk.get(i).name());
                        }
                    }
                }
                c.commit();
                return stale;
            } catch (StaleLeaderException e) {
                c.rollback();
                throw new StaleWriteException(e.getMessage());
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "saving " + deployments.size() + " deployments: " + e.getMessage(), e);
        }
    }

    private static final String UPDATE =
            "UPDATE deployments SET last_reconciled_spec = ?::jsonb, status = ?::jsonb,"
                    + " fencing_token = ?, updated_at = now()"
                    + " WHERE name = ? AND generation = ? AND fencing_token <= ?";

    private static void bind(PreparedStatement st, Deployment d, long fencingToken)
            throws SQLException {
        st.setString(1, d.lastReconciledSpec() == null ? null : write(d.lastReconciledSpec()));
        st.setString(2, write(d.status()));
        st.setLong(3, fencingToken);
        st.setString(4, d.name());
        st.setLong(5, d.spec().generation());
        st.setLong(6, fencingToken);
    }

    private static void update(Connection c, Deployment d, long fencingToken) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(UPDATE)) {
            bind(st, d, fencingToken);
            if (st.executeUpdate() != 1) {
                throw new StaleWriteException(
                        "deployment "
                                + d.name()
                                + " changed since it was read (generation "
                                + d.spec().generation()
                                + ") or a newer leader (token above "
                                + fencingToken
                                + ") has written it");
            }
        }
    }

    @Override
    public void appendEvent(Event event) {
        try (Connection c = db.getConnection()) {
            insertEvent(c, event);
        } catch (SQLException e) {
            throw new IllegalStateException("appending an event: " + e.getMessage(), e);
        }
    }

    /** Many events in one transaction, as JDBC batches. */
    @Override
    public void appendEvents(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement st = c.prepareStatement(INSERT_EVENT)) {
                int n = 0;
                for (Event event : events) {
                    bindEvent(st, event);
                    st.addBatch();
                    if (++n % BATCH == 0) {
                        st.executeBatch();
                    }
                }
                st.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "appending " + events.size() + " events: " + e.getMessage(), e);
        }
    }

    static void insertEvent(Connection c, Event event) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(INSERT_EVENT)) {
            bindEvent(st, event);
            st.executeUpdate();
        }
    }

    private static final String INSERT_EVENT =
            "INSERT INTO events (deployment, at, type, message, fencing_token, who)"
                    + " VALUES (?, ?, ?, ?, ?, ?)";

    private static void bindEvent(PreparedStatement st, Event event) throws SQLException {
        st.setString(1, event.deployment());
        st.setTimestamp(2, Timestamp.from(event.at()));
        st.setString(3, event.type());
        st.setString(4, event.message());
        st.setLong(5, event.fencingToken());
        st.setString(6, event.who());
    }

    /** The audit log of one deployment, oldest first. */
    public List<Event> events(String deployment) {
        List<Event> out = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement st =
                        c.prepareStatement(
                                "SELECT deployment, at, type, message, fencing_token, who FROM events"
                                        + " WHERE deployment = ? ORDER BY id")) {
            st.setString(1, deployment);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(
                            new Event(
                                    rs.getString(1),
                                    rs.getTimestamp(2).toInstant(),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getLong(5),
                                    rs.getString(6)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading events: " + e.getMessage(), e);
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot read a stored " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
