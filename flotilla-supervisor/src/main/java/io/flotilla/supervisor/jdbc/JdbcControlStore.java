package io.flotilla.supervisor.jdbc;

import static io.flotilla.supervisor.jdbc.JdbcDeploymentStore.read;
import static io.flotilla.supervisor.jdbc.JdbcDeploymentStore.write;

import io.flotilla.supervisor.model.AbandonedJob;
import io.flotilla.supervisor.model.AuditEntry;
import io.flotilla.supervisor.model.Cluster;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.DeploymentSpec;
import io.flotilla.supervisor.model.DeploymentStatus;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.model.Reachability;
import io.flotilla.supervisor.port.ConflictException;
import io.flotilla.supervisor.port.ControlStore;
import io.flotilla.supervisor.port.DeploymentFilter;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link ControlStore} in PostgreSQL: every change and its audit event in one transaction, and spec
 * changes conditional on the generation the caller read.
 */
public final class JdbcControlStore implements ControlStore {

    private final DataSource db;

    private final JdbcCatalog catalog;
    private final JdbcClusterHealth clusterHealth;
    private volatile java.util.function.Consumer<String> changed = name -> {};

    /**
     * Tells {@code listener} the name of every deployment whose desired spec was created, replaced
     * or moved, after its transaction committed, so the supervisor can reconcile it at once.
     */
    public void onDeploymentChange(java.util.function.Consumer<String> listener) {
        this.changed = listener;
    }

    public JdbcControlStore(DataSource db) {
        this.db = db;
        this.catalog = new JdbcCatalog(db);
        this.clusterHealth = new JdbcClusterHealth(db);
    }

    @Override
    public List<Cluster> clusters() {
        return catalog.clusters();
    }

    @Override
    public Optional<Cluster> cluster(String name) {
        return catalog.cluster(name);
    }

    @Override
    public void putCluster(Cluster cluster, Event audit) {
        catalog.putCluster(cluster, audit);
    }

    @Override
    public void putLineage(String deployment, String version, String json, Event audit) {
        catalog.putLineage(deployment, version, json, audit);
    }

    @Override
    public Optional<String> lineage(String deployment, String version) {
        return catalog.lineage(deployment, version);
    }

    @Override
    public void appendAudit(Event event) {
        catalog.appendAudit(event);
    }

    @Override
    public List<AuditEntry> events(String deployment, long afterId, int limit) {
        return catalog.events(deployment, afterId, limit);
    }

    @Override
    public List<Deployment> deployments() {
        return JdbcCatalog.query(
                db,
                "SELECT " + COLUMNS + " FROM deployments ORDER BY name",
                st -> {},
                JdbcControlStore::stored);
    }

    /** The filter, sort and page in SQL, so a page of 10,000 deployments reads only its rows. */
    @Override
    public DeploymentFilter.Page deployments(DeploymentFilter f) {
        // Only the asked conditions, so an unfiltered page is an index scan of 50 names.
        List<String> conditions = new ArrayList<>();
        List<String> values = new ArrayList<>();
        if (f.phase() != null) {
            conditions.add("status->>'phase' = ?");
            values.add(f.phase().name());
        }
        if (f.cluster() != null) {
            conditions.add(CLUSTER + " = ?");
            values.add(f.cluster());
        }
        if (f.owner() != null) {
            conditions.add("spec->>'owner' = ?");
            values.add(f.owner());
        }
        if (f.nameContains() != null) {
            conditions.add("strpos(name, ?) > 0");
            values.add(f.nameContains());
        }
        String where =
                " FROM deployments"
                        + (conditions.isEmpty()
                                ? ""
                                : " WHERE " + String.join(" AND ", conditions));
        JdbcCatalog.Parameters filter =
                st -> {
                    for (int i = 0; i < values.size(); i++) {
                        st.setString(i + 1, values.get(i));
                    }
                };
        String column =
                switch (f.sort()) {
                    case NAME -> "name";
                    case PHASE -> "status->>'phase'";
                    case CLUSTER -> CLUSTER;
                    case VERSION -> "spec->>'version'";
                    case OWNER -> "spec->>'owner'";
                    case RETRIES -> "(status->>'retries')::int";
                    case UPDATED -> "updated_at";
                };
        String direction = f.descending() ? " DESC NULLS LAST" : " ASC NULLS FIRST";
        String order =
                f.sort() == DeploymentFilter.Sort.NAME
                        ? " ORDER BY name" + direction
                        : " ORDER BY " + column + direction + ", name" + direction;
        List<Deployment> rows =
                JdbcCatalog.query(
                        db,
                        "SELECT " + COLUMNS + where + order + " OFFSET ? LIMIT ?",
                        st -> {
                            filter.set(st);
                            st.setInt(values.size() + 1, f.offset());
                            st.setInt(values.size() + 2, f.limit());
                        },
                        JdbcControlStore::stored);
        int total =
                JdbcCatalog.query(db, "SELECT count(*)" + where, filter, rs -> rs.getInt(1)).get(0);
        return new DeploymentFilter.Page(rows, total);
    }

    @Override
    public java.util.Map<String, Long> deploymentsPerCluster() {
        java.util.Map<String, Long> out = new java.util.HashMap<>();
        JdbcCatalog.query(
                        db,
                        "SELECT " + CLUSTER + ", count(*) FROM deployments GROUP BY 1",
                        st -> {},
                        rs -> java.util.Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Where a deployment runs: its last reconciled spec's cluster, else its desired one. */
    private static final String CLUSTER =
            "COALESCE(last_reconciled_spec->>'cluster', spec->>'cluster')";

    @Override
    public Optional<Deployment> deployment(String name) {
        return JdbcCatalog.query(
                        db,
                        "SELECT " + COLUMNS + " FROM deployments WHERE name = ?",
                        st -> st.setString(1, name),
                        JdbcControlStore::stored)
                .stream()
                .findFirst();
    }

    /** A deployment row's columns as {@link #stored} reads them. */
    private static final String COLUMNS =
            "spec, last_reconciled_spec, status, created_at, updated_at";

    /** A row of the deployments table, with the times the table keeps. */
    private static Deployment stored(ResultSet rs) throws SQLException {
        return deployment(rs)
                .withTimes(rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant());
    }

    private static Deployment deployment(ResultSet rs) throws SQLException {
        String last = rs.getString(2);
        return new Deployment(
                read(rs.getString(1), DeploymentSpec.class),
                last == null ? null : read(last, DeploymentSpec.class),
                read(rs.getString(3), DeploymentStatus.class));
    }

    @Override
    public void createDeployment(DeploymentSpec spec, Event audit) {
        tx(
                c -> {
                    try (PreparedStatement used =
                            c.prepareStatement(
                                    "SELECT 1 FROM deleted_deployments WHERE name = ?")) {
                        used.setString(1, spec.name());
                        try (ResultSet rs = used.executeQuery()) {
                            if (rs.next()) {
                                throw reused(spec.name());
                            }
                        }
                    }
                    try (PreparedStatement st =
                            c.prepareStatement(
                                    "INSERT INTO deployments (name, generation, spec, status)"
                                            + " VALUES (?, ?, ?::jsonb, ?::jsonb) ON CONFLICT (name) DO NOTHING")) {
                        st.setString(1, spec.name());
                        st.setLong(2, spec.generation());
                        st.setString(3, write(spec));
                        st.setString(4, write(DeploymentStatus.initial()));
                        if (st.executeUpdate() != 1) {
                            throw new ConflictException(
                                    "deployment " + spec.name() + " exists already");
                        }
                    }
                    JdbcDeploymentStore.insertEvent(c, audit);
                    return null;
                });
        changed.accept(spec.name());
    }

    @Override
    public void replaceSpec(DeploymentSpec spec, long expectedGeneration, Event audit) {
        changeAtGeneration(
                spec.name(),
                expectedGeneration,
                audit,
                "UPDATE deployments SET generation = ?, spec = ?::jsonb, updated_at = now()"
                        + " WHERE name = ? AND generation = ?",
                st -> {
                    st.setLong(1, spec.generation());
                    st.setString(2, write(spec));
                    st.setString(3, spec.name());
                    st.setLong(4, expectedGeneration);
                });
        changed.accept(spec.name());
    }

    @Override
    public void replaceDeployment(Deployment d, long expectedGeneration, Event audit) {
        changeAtGeneration(
                d.name(),
                expectedGeneration,
                audit,
                "UPDATE deployments SET generation = ?, spec = ?::jsonb,"
                        + " last_reconciled_spec = ?::jsonb, status = ?::jsonb, updated_at = now()"
                        + " WHERE name = ? AND generation = ?",
                st -> {
                    st.setLong(1, d.spec().generation());
                    st.setString(2, write(d.spec()));
                    st.setString(
                            3,
                            d.lastReconciledSpec() == null ? null : write(d.lastReconciledSpec()));
                    st.setString(4, write(d.status()));
                    st.setString(5, d.name());
                    st.setLong(6, expectedGeneration);
                });
        changed.accept(d.name());
    }

    @Override
    public void deleteDeployment(String name, long expectedGeneration, Instant at, Event audit) {
        changeAtGeneration(
                name,
                expectedGeneration,
                audit,
                "WITH gone AS (DELETE FROM deployments WHERE name = ? AND generation = ?"
                        + " RETURNING name, spec, last_reconciled_spec, status)"
                        + " INSERT INTO deleted_deployments (name, deleted_at, spec, last_reconciled_spec, status)"
                        + " SELECT name, ?, spec, last_reconciled_spec, status FROM gone",
                st -> {
                    st.setString(1, name);
                    st.setLong(2, expectedGeneration);
                    st.setTimestamp(3, Timestamp.from(at));
                });
    }

    /**
     * Runs one statement that must change exactly the deployment's row at the generation the caller
     * read, and its audit event, in one transaction; no row changed means someone else did first.
     */
    private void changeAtGeneration(
            String name,
            long expectedGeneration,
            Event audit,
            String sql,
            JdbcCatalog.Parameters parameters) {
        JdbcCatalog.change(
                db,
                sql,
                parameters,
                audit,
                rows -> {
                    if (rows != 1) {
                        throw stale(name, expectedGeneration);
                    }
                });
    }

    @Override
    public Optional<Reachability> reachability(String cluster) {
        return clusterHealth.reachability(cluster);
    }

    @Override
    public void putReachability(Reachability reachability, Event audit) {
        clusterHealth.putReachability(reachability, audit);
    }

    @Override
    public void moveDeployment(
            Deployment d, long expectedGeneration, List<AbandonedJob> abandoned, Event audit) {
        tx(
                c -> {
                    try (PreparedStatement st =
                            c.prepareStatement(
                                    "UPDATE deployments SET generation = ?, spec = ?::jsonb,"
                                            + " last_reconciled_spec = ?::jsonb, status = ?::jsonb,"
                                            + " updated_at = now() WHERE name = ? AND generation = ?")) {
                        st.setLong(1, d.spec().generation());
                        st.setString(2, write(d.spec()));
                        st.setString(
                                3,
                                d.lastReconciledSpec() == null
                                        ? null
                                        : write(d.lastReconciledSpec()));
                        st.setString(4, write(d.status()));
                        st.setString(5, d.name());
                        st.setLong(6, expectedGeneration);
                        if (st.executeUpdate() != 1) {
                            throw stale(d.name(), expectedGeneration);
                        }
                    }
                    JdbcClusterHealth.insertAbandoned(c, abandoned);
                    JdbcDeploymentStore.insertEvent(c, audit);
                    return null;
                });
        changed.accept(d.name());
    }

    @Override
    public List<AbandonedJob> abandonedJobs(String cluster) {
        return clusterHealth.abandonedJobs(cluster);
    }

    @Override
    public void settleAbandoned(AbandonedJob job, Instant at, Event audit) {
        clusterHealth.settle(job, at, audit);
    }

    @Override
    public List<Deleted> deleted() {
        return JdbcCatalog.query(
                db,
                "SELECT spec, last_reconciled_spec, status, deleted_at FROM deleted_deployments"
                        + " WHERE cleaned_at IS NULL ORDER BY deleted_at",
                st -> {},
                rs -> new Deleted(deployment(rs), rs.getTimestamp(4).toInstant()));
    }

    @Override
    public void markCleaned(String name, Instant deletedAt, Event audit) {
        JdbcCatalog.change(
                db,
                "UPDATE deleted_deployments SET cleaned_at = now() WHERE name = ? AND deleted_at = ?",
                st -> {
                    st.setString(1, name);
                    st.setTimestamp(2, Timestamp.from(deletedAt));
                },
                audit,
                rows -> {});
    }

    static ConflictException reused(String name) {
        return new ConflictException(
                "the name "
                        + name
                        + " belonged to a deleted deployment, and its JobIDs would repeat: choose another name");
    }

    private static ConflictException stale(String name, long expectedGeneration) {
        return new ConflictException(
                "deployment "
                        + name
                        + " is no longer at generation "
                        + expectedGeneration
                        + " (changed or deleted meanwhile): read it again and retry");
    }

    private <T> T tx(JdbcCatalog.Work<T> work) {
        return JdbcCatalog.tx(db, work);
    }
}
