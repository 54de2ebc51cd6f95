package io.flotilla.supervisor.jdbc;

import io.flotilla.supervisor.model.AbandonedJob;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.model.Reachability;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Clusters' reachability and the jobs left behind on lost clusters, in PostgreSQL. */
final class JdbcClusterHealth {

    private final DataSource db;

    JdbcClusterHealth(DataSource db) {
        this.db = db;
    }

    Optional<Reachability> reachability(String cluster) {
        return JdbcCatalog.query(
                        db,
                        "SELECT cluster, answers, since, error FROM cluster_reachability"
                                + " WHERE cluster = ?",
                        st -> st.setString(1, cluster),
                        rs ->
                                new Reachability(
                                        rs.getString(1),
                                        rs.getBoolean(2),
                                        rs.getTimestamp(3).toInstant(),
                                        rs.getString(4)))
                .stream()
                .findFirst();
    }

    void putReachability(Reachability r, Event audit) {
        JdbcCatalog.change(
                db,
                "INSERT INTO cluster_reachability (cluster, answers, since, error)"
                        + " VALUES (?, ?, ?, ?) ON CONFLICT (cluster) DO UPDATE SET"
                        + " answers = EXCLUDED.answers, since = EXCLUDED.since,"
                        + " error = EXCLUDED.error",
                st -> {
                    st.setString(1, r.cluster());
                    st.setBoolean(2, r.answers());
                    st.setTimestamp(3, Timestamp.from(r.since()));
                    st.setString(4, r.error());
                },
                audit,
                rows -> {});
    }

    /** Inside the caller's transaction; a job already remembered stays as it was. */
    static void insertAbandoned(Connection c, List<AbandonedJob> jobs) throws SQLException {
        try (PreparedStatement st =
                c.prepareStatement(
                        "INSERT INTO abandoned_jobs (cluster, job_id, deployment, abandoned_at)"
                                + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (AbandonedJob j : jobs) {
                st.setString(1, j.cluster());
                st.setString(2, j.jobId());
                st.setString(3, j.deployment());
                st.setTimestamp(4, Timestamp.from(j.abandonedAt()));
                st.executeUpdate();
            }
        }
    }

    List<AbandonedJob> abandonedJobs(String cluster) {
        return JdbcCatalog.query(
                db,
                "SELECT cluster, job_id, deployment, abandoned_at FROM abandoned_jobs"
                        + " WHERE cluster = ? AND settled_at IS NULL ORDER BY abandoned_at, job_id",
                st -> st.setString(1, cluster),
                rs ->
                        new AbandonedJob(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getTimestamp(4).toInstant()));
    }

    void settle(AbandonedJob job, Instant at, Event audit) {
        JdbcCatalog.change(
                db,
                "UPDATE abandoned_jobs SET settled_at = ? WHERE cluster = ? AND job_id = ?",
                st -> {
                    st.setTimestamp(1, Timestamp.from(at));
                    st.setString(2, job.cluster());
                    st.setString(3, job.jobId());
                },
                audit,
                rows -> {});
    }
}
