package io.flotilla.supervisor.http;

import io.flotilla.http.ApiException;
import io.flotilla.http.HttpApi;
import io.flotilla.http.Request;
import io.flotilla.http.Response;
import io.flotilla.supervisor.api.ClusterFlinkView;
import io.flotilla.supervisor.api.SupervisorEndpoints;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.port.Clock;
import io.flotilla.supervisor.port.ClusterLogs;
import io.flotilla.supervisor.port.ClusterLogs.LogQuery;
import io.flotilla.supervisor.port.ClusterLogs.LogSource;
import io.flotilla.supervisor.port.ClusterUnreachableException;
import io.flotilla.supervisor.port.ControlStore;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Routes that read a cluster's sidecar: a deployment's logs and exception history (from the cluster
 * its job runs on) and a cluster's Flink overview; a viewer may read them.
 */
final class LogRoutes {

    static final int MAX_LIMIT = 1000;

    private final DeploymentRoutes deployments;
    private final ClusterLogs logs;
    private final ControlStore store;
    private final Clock clock;

    LogRoutes(DeploymentRoutes deployments, ClusterLogs logs, ControlStore store, Clock clock) {
        this.deployments = deployments;
        this.logs = logs;
        this.store = store;
        this.clock = clock;
    }

    void register(HttpApi api) {
        api.route(SupervisorEndpoints.DEPLOYMENT_LOGS, this::logs)
                .route(SupervisorEndpoints.DEPLOYMENT_EXCEPTIONS, this::exceptions)
                .route(SupervisorEndpoints.CLUSTER_FLINK, this::flink);
    }

    /** Asked of the sidecar at each call: an unreachable one is an answer, not an error. */
    private Response flink(Request r) {
        String name = r.param("cluster");
        if (store.cluster(name).isEmpty()) {
            throw new ApiException(
                    404,
                    "no_such_cluster",
                    "no cluster '" + name + "' is registered: see GET /v1/clusters",
                    "cluster",
                    null);
        }
        Instant now = clock.now();
        try {
            ClusterLogs.FlinkOverview o = logs.overview(name);
            return Response.ok(
                    new ClusterFlinkView(
                            name,
                            o.error() == null,
                            o.version(),
                            o.taskManagers(),
                            o.slotsTotal(),
                            o.slotsAvailable(),
                            o.webUrl(),
                            now,
                            o.error()));
        } catch (ClusterUnreachableException e) {
            return Response.ok(
                    new ClusterFlinkView(
                            name, false, null, null, null, null, null, now, e.getMessage()));
        }
    }

    private Response logs(Request r) {
        LogSource source = source(r.query("source", "jobmanager"));
        Long offset = position(r, "offset");
        Long before = position(r, "before");
        Integer limit = limit(r.query("limit", null));
        boolean all = all(r.query("all", "false"));
        String taskManager = r.query("taskManager", null);
        if (taskManager != null && source != LogSource.TASKMANAGER) {
            throw ApiException.badRequest(
                    "invalid_field",
                    "taskManager",
                    "taskManager names a TaskManager's log: pass it with source=taskmanager");
        }
        Deployment d = deployments.deployment(r);
        String jobId = d.status().jobId();
        if (!all && jobId == null) {
            throw new ApiException(
                    409,
                    "no_job",
                    "deployment '"
                            + d.name()
                            + "' has no job on a cluster yet, so no line names it; pass all=true for the whole log of cluster "
                            + d.currentCluster(),
                    "all",
                    null);
        }
        LogQuery q =
                new LogQuery(
                        source,
                        taskManager,
                        r.query("file", null),
                        offset,
                        before,
                        limit,
                        all ? null : jobId);
        return Response.ok(LogViews.page(d.name(), call(() -> logs.logs(d.currentCluster(), q))));
    }

    private Response exceptions(Request r) {
        Deployment d = deployments.deployment(r);
        String jobId = d.status().jobId();
        if (jobId == null) {
            throw new ApiException(
                    409,
                    "no_job",
                    "deployment '" + d.name() + "' has no job on a cluster yet: nothing failed");
        }
        return Response.ok(
                LogViews.exceptions(
                        d.name(), call(() -> logs.failures(d.currentCluster(), jobId))));
    }

    private static <T> T call(Supplier<T> read) {
        try {
            return read.get();
        } catch (ClusterLogs.RefusedException e) {
            throw new ApiException(e.status(), e.code(), e.getMessage(), e.field(), null);
        } catch (ClusterUnreachableException e) {
            throw new ApiException(503, "cluster_unreachable", e.getMessage());
        }
    }

    private static LogSource source(String text) {
        try {
            return LogSource.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(
                    "invalid_field",
                    "source",
                    "source is jobmanager or taskmanager, got '" + text + "'");
        }
    }

    private static Long position(Request r, String field) {
        String text = r.query(field, null);
        if (text == null) {
            return null;
        }
        try {
            long value = Long.parseLong(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below with the rule
        }
        throw ApiException.badRequest(
                "invalid_field",
                field,
                field
                        + " is a byte position in the log, 0 or more: a page's next as offset, its previous as before, got '"
                        + text
                        + "'");
    }

    private static Integer limit(String text) {
        if (text == null) {
            return null;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below with the rule
        }
        throw ApiException.badRequest(
                "invalid_field",
                "limit",
                "limit is the number of lines of a page, 1 to "
                        + MAX_LIMIT
                        + " (default 200), got '"
                        + text
                        + "'");
    }

    private static boolean all(String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default ->
                    throw ApiException.badRequest(
                            "invalid_field",
                            "all",
                            "all is true (every line of the log) or false (only the lines naming the deployment's job, the default), got '"
                                    + text
                                    + "'");
        };
    }
}
