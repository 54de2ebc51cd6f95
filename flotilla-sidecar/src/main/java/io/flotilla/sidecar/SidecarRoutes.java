package io.flotilla.sidecar;

import io.flotilla.common.Setting;
import io.flotilla.http.ApiException;
import io.flotilla.http.HttpApi;
import io.flotilla.http.Request;
import io.flotilla.http.Response;
import io.flotilla.sidecar.artifacts.ArtifactService;
import io.flotilla.sidecar.client.SidecarEndpoints;
import io.flotilla.sidecar.flink.FlinkRest;
import io.flotilla.sidecar.jobs.JobApi;
import io.flotilla.sidecar.jobs.JobService;
import io.flotilla.sidecar.jobs.Operations;
import io.flotilla.sidecar.logs.LogService;
import io.flotilla.sidecar.state.StateApi;
import io.flotilla.sidecar.state.StateService;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The sidecar's routes: each a thin translation between HTTP and one service call. */
final class SidecarRoutes {

    private SidecarRoutes() {}

    static void register(
            HttpApi api,
            SidecarSettings settings,
            FlinkRest flink,
            JobService jobs,
            Operations operations,
            ArtifactService artifacts,
            StateService state,
            LogService logs,
            PrometheusMeterRegistry metrics) {
        api.route(SidecarEndpoints.HEALTH, r -> Response.ok(health(settings, flink)))
                .route(
                        SidecarEndpoints.METRICS,
                        r ->
                                Response.text(
                                        metrics.scrape(), SidecarEndpoints.METRICS.contentType()))
                .route(
                        SidecarEndpoints.OPENAPI,
                        r -> Response.text(SidecarEndpoints.openApiDocument(), "application/json"))
                .route(
                        SidecarEndpoints.LIST_JOBS,
                        r -> Response.ok(new JobApi.JobList(jobs.list())))
                .route(
                        SidecarEndpoints.SUBMIT,
                        r -> {
                            JobApi.Submitted s = jobs.submit(r.json(JobApi.SubmitRequest.class));
                            return s.created() ? Response.created(s) : Response.ok(s);
                        })
                .route(SidecarEndpoints.GET_JOB, r -> Response.ok(jobs.detail(r.param("jobId"))))
                .route(
                        SidecarEndpoints.EXCEPTIONS,
                        r -> Response.ok(logs.exceptions(r.param("jobId"))))
                .route(SidecarEndpoints.LOGS, r -> Response.ok(logs.listing()))
                .route(
                        SidecarEndpoints.JOBMANAGER_LOG,
                        r -> Response.ok(logs.page(logQuery(r, null))))
                .route(
                        SidecarEndpoints.TASKMANAGER_LOG,
                        r -> Response.ok(logs.page(logQuery(r, r.param("taskManager")))))
                .route(
                        SidecarEndpoints.STOP,
                        r -> {
                            JobApi.StopRequest body =
                                    optional(
                                            r,
                                            JobApi.StopRequest.class,
                                            new JobApi.StopRequest(false, null));
                            return operation(
                                    operations.stop(
                                            r.param("jobId"),
                                            body.drain(),
                                            body.targetDirectory()));
                        })
                .route(
                        SidecarEndpoints.SAVEPOINT,
                        r -> {
                            JobApi.SavepointRequest body =
                                    optional(
                                            r,
                                            JobApi.SavepointRequest.class,
                                            new JobApi.SavepointRequest(null));
                            return operation(
                                    operations.savepoint(r.param("jobId"), body.targetDirectory()));
                        })
                .route(SidecarEndpoints.CANCEL, r -> operation(operations.cancel(r.param("jobId"))))
                .route(
                        SidecarEndpoints.OPERATION,
                        r -> Response.ok(operations.status(r.param("operationId"))))
                .route(
                        SidecarEndpoints.ARTIFACT,
                        r -> {
                            JobApi.ArtifactRef ref = r.json(JobApi.ArtifactRef.class);
                            JobApi.Artifact a = artifacts.ensure(ref.uri(), ref.sha256());
                            return a.reused() ? Response.ok(a) : Response.created(a);
                        })
                .route(
                        SidecarEndpoints.STATE,
                        r ->
                                Response.ok(
                                        new StateApi.Listing(
                                                state.root(),
                                                r.query("jobs", null) != null
                                                        ? state.listJobs(r.query("jobs", null))
                                                        : state.list(r.query("under", null)))))
                .route(
                        SidecarEndpoints.DELETE_STATE,
                        r -> {
                            StateApi.DeleteRequest d = r.json(StateApi.DeleteRequest.class);
                            return Response.ok(
                                    state.delete(
                                            orEmpty(d.paths()),
                                            orEmpty(d.pins()),
                                            Boolean.TRUE.equals(d.dryRun())));
                        })
                .route(
                        SidecarEndpoints.RETENTION,
                        r -> {
                            StateApi.RetentionRequest q = r.json(StateApi.RetentionRequest.class);
                            if (q.keepSavepoints() == null || q.maxAge() == null) {
                                throw ApiException.badRequest(
                                        "missing_field",
                                        q.keepSavepoints() == null ? "keepSavepoints" : "maxAge",
                                        "retention needs keepSavepoints (e.g. 3) and maxAge (e.g. \"7d\" or \"PT12H\")");
                            }
                            Duration maxAge;
                            try {
                                maxAge =
                                        Setting.duration("maxAge", Duration.ZERO, "")
                                                .parse(q.maxAge());
                            } catch (IllegalArgumentException e) {
                                throw ApiException.badRequest(
                                        "invalid_field",
                                        "maxAge",
                                        e.getMessage().replace("--maxAge", "maxAge"));
                            }
                            return Response.ok(
                                    state.retention(
                                            q.keepSavepoints(),
                                            maxAge,
                                            orEmpty(q.pins()),
                                            Boolean.TRUE.equals(q.dryRun())));
                        });
    }

    private static LogService.Query logQuery(Request r, String taskManager) {
        return new LogService.Query(
                taskManager,
                r.query("file", null),
                r.query("offset", null),
                r.query("before", null),
                r.query("limit", null),
                r.query("job", null));
    }

    private static Response operation(JobApi.Operation op) {
        return op.status().equals("IN_PROGRESS") ? Response.accepted(op) : Response.ok(op);
    }

    private static <T> T optional(Request r, Class<T> type, T fallback) {
        return r.body().length == 0 ? fallback : r.json(type);
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    private static Map<String, Object> health(SidecarSettings settings, FlinkRest flink) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cluster", settings.get(SidecarSettings.CLUSTER));
        try {
            var overview = flink.overview();
            out.put("status", "UP");
            out.put(
                    "flink",
                    Map.of(
                            "taskManagers",
                            overview.getNumTaskManagersConnected(),
                            "slotsTotal",
                            overview.getNumSlotsTotal(),
                            "slotsAvailable",
                            overview.getNumSlotsAvailable(),
                            "version",
                            overview.getVersion(),
                            "webUrl",
                            webUrl(settings)));
        } catch (RuntimeException e) {
            out.put("status", "DEGRADED");
            out.put("flink", Map.of("error", String.valueOf(e.getMessage())));
        }
        return out;
    }

    private static String webUrl(SidecarSettings settings) {
        String web = settings.get(SidecarSettings.FLINK_WEB_URL);
        return (web.isBlank() ? settings.get(SidecarSettings.FLINK_REST_URL) : web)
                .replaceAll("/+$", "");
    }
}
