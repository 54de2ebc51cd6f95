package io.flotilla.supervisor.sidecar;

import io.flotilla.http.ApiCallException;
import io.flotilla.http.ApiUnreachableException;
import io.flotilla.sidecar.client.SidecarClient;
import io.flotilla.sidecar.logs.LogApi;
import io.flotilla.supervisor.port.ClusterLogs;
import io.flotilla.supervisor.port.ClusterUnreachableException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** The clusters' logs and job failures through their sidecars' log routes. */
public final class SidecarClusterLogs implements ClusterLogs {

    private final Function<String, SidecarClient> sidecars;

    /** {@code sidecars}: the client of a cluster's sidecar, or null when none is registered. */
    public SidecarClusterLogs(Function<String, SidecarClient> sidecars) {
        this.sidecars = sidecars;
    }

    @Override
    public LogPage logs(String cluster, LogQuery q) {
        SidecarClient sidecar = sidecar(cluster);
        String tm = null;
        List<String> tms = null;
        if (q.source() == LogSource.TASKMANAGER) {
            tms =
                    call(cluster, sidecar::logs).taskManagers().stream()
                            .map(LogApi.TaskManagerLogs::id)
                            .toList();
            if (q.taskManager() != null) {
                tm = q.taskManager();
            } else if (tms.isEmpty()) {
                throw new RefusedException(
                        404,
                        "no_taskmanager",
                        "taskManager",
                        "cluster " + cluster + " has no TaskManager connected");
            } else {
                tm = tms.get(0);
            }
        }
        String readFrom = tm;
        LogApi.LogPage p =
                call(
                        cluster,
                        () ->
                                sidecar.log(
                                        readFrom,
                                        q.file(),
                                        q.offset(),
                                        q.before(),
                                        q.limit(),
                                        q.jobId()));
        return new LogPage(
                cluster,
                q.source(),
                p.taskManager(),
                tms,
                p.file(),
                p.job(),
                p.offset(),
                p.end(),
                p.previous(),
                p.next(),
                p.limit(),
                p.lines());
    }

    @Override
    public JobFailures failures(String cluster, String jobId) {
        LogApi.JobExceptions e = call(cluster, () -> sidecar(cluster).exceptions(jobId));
        return new JobFailures(
                cluster,
                e.jobId(),
                e.rootCause() == null ? null : failure(e.rootCause()),
                e.history().stream().map(SidecarClusterLogs::failure).toList(),
                e.truncated());
    }

    @Override
    public FlinkOverview overview(String cluster) {
        SidecarClient sidecar = sidecar(cluster);
        Object flink = call(cluster, sidecar::health).flink();
        Map<?, ?> f = flink instanceof Map<?, ?> m ? m : Map.of();
        if (f.get("error") != null || f.get("version") == null) {
            return new FlinkOverview(
                    null,
                    null,
                    null,
                    null,
                    null,
                    String.valueOf(f.get("error") != null ? f.get("error") : flink));
        }
        return new FlinkOverview(
                String.valueOf(f.get("version")),
                number(f.get("taskManagers")),
                number(f.get("slotsTotal")),
                number(f.get("slotsAvailable")),
                f.get("webUrl") == null ? null : String.valueOf(f.get("webUrl")),
                null);
    }

    private static Integer number(Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }

    private static Failure failure(LogApi.Failure f) {
        return new Failure(
                f.time(), f.exception(), f.cause(), f.stacktrace(), f.taskName(), f.taskManager());
    }

    private SidecarClient sidecar(String cluster) {
        SidecarClient client = sidecars.apply(cluster);
        if (client == null) {
            throw new ClusterUnreachableException(cluster, "no sidecar is registered for it");
        }
        return client;
    }

    /** No answer or 5xx is unreachable; a 4xx keeps the sidecar's status, code and field. */
    private static <T> T call(String cluster, Supplier<T> request) {
        try {
            return request.get();
        } catch (ApiUnreachableException e) {
            throw new ClusterUnreachableException(cluster, e.getMessage());
        } catch (ApiCallException e) {
            if (e.status() >= 500) {
                throw new ClusterUnreachableException(cluster, e.getMessage());
            }
            throw new RefusedException(
                    e.status(), e.code(), e.field(), "cluster " + cluster + ": " + e.getMessage());
        }
    }
}
