package io.flotilla.supervisor;

import io.flotilla.supervisor.port.ClusterLogs;
import io.flotilla.supervisor.port.ClusterUnreachableException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Logs in memory (and a Flink overview): each cluster's log is a list of lines, paged newest-first
 * by line number (the real sidecar pages by bytes); records every query; can be unreachable or
 * refuse.
 */
final class TestingClusterLogs implements ClusterLogs {

    final List<String> lines = new ArrayList<>();
    final List<String> queried = new ArrayList<>();
    final List<Failure> failures = new ArrayList<>();
    LogQuery lastQuery;

    /** Failure switch: the sidecar does not answer. */
    boolean unreachable;

    /** Failure switch: the sidecar refuses with this. */
    RefusedException refusal;

    @Override
    public LogPage logs(String cluster, LogQuery q) {
        check(cluster);
        lastQuery = q;
        List<String> kept =
                lines.stream().filter(l -> q.jobId() == null || l.contains(q.jobId())).toList();
        int limit = q.limit() == null ? 200 : q.limit();
        int to = q.before() != null ? q.before().intValue() : kept.size();
        int from = q.offset() != null ? q.offset().intValue() : Math.max(0, to - limit);
        if (q.offset() != null) {
            to = Math.min(kept.size(), from + limit);
        }
        List<String> tms = q.source() == LogSource.TASKMANAGER ? List.of("tm-1", "tm-2") : null;
        return new LogPage(
                cluster,
                q.source(),
                tms == null ? null : q.taskManager() == null ? tms.get(0) : q.taskManager(),
                tms,
                "log",
                q.jobId(),
                from,
                to,
                from > 0 ? (long) from : null,
                to,
                limit,
                kept.subList(from, to));
    }

    @Override
    public JobFailures failures(String cluster, String jobId) {
        check(cluster);
        return new JobFailures(
                cluster, jobId, failures.isEmpty() ? null : failures.get(0), failures, false);
    }

    /** What {@link #overview} answers while the sidecar answers. */
    FlinkOverview overview = new FlinkOverview("2.0.0", 2, 4, 3, "http://flink.test:8081", null);

    @Override
    public FlinkOverview overview(String cluster) {
        queried.add(cluster);
        if (unreachable) {
            throw new ClusterUnreachableException(cluster, "connection refused");
        }
        return overview;
    }

    void fail(String cause) {
        failures.add(
                0,
                new Failure(
                        Instant.EPOCH,
                        "java.lang.RuntimeException",
                        cause,
                        cause,
                        "Map (1/1)",
                        "tm-1"));
    }

    private void check(String cluster) {
        queried.add(cluster);
        if (unreachable) {
            throw new ClusterUnreachableException(cluster, "connection refused");
        }
        if (refusal != null) {
            throw refusal;
        }
    }
}
