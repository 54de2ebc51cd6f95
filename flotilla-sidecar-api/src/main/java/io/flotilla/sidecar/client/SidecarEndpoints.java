package io.flotilla.sidecar.client;

import static io.flotilla.http.Role.ADMIN;
import static io.flotilla.http.Role.VIEWER;

import io.flotilla.http.Endpoint;
import io.flotilla.http.OpenApiDocument;
import io.flotilla.sidecar.jobs.JobApi;
import io.flotilla.sidecar.logs.LogApi;
import io.flotilla.sidecar.state.StateApi;
import java.util.List;

/** Every route of a sidecar, described once for its server, its client and its docs. */
public final class SidecarEndpoints {

    private SidecarEndpoints() {}

    /** The title, version and description of the generated OpenAPI document. */
    public static final String TITLE = "Flotilla sidecar";

    public static final String VERSION = "1.0";
    public static final String DESCRIPTION =
            "Runs beside one Flink session cluster's JobManager: job control, trusted job"
                    + " artifacts, guarded S3 state cleanup. Every endpoint needs 'Authorization:"
                    + " Bearer <token>'. Errors are {\"error\": {\"code\", \"message\","
                    + " \"field\"}, \"detail\"}. Changes (every non-GET request) may carry"
                    + " 'X-Flotilla-Fencing-Token: <leader's lease token>'; a token lower than the"
                    + " highest seen is refused with 409 stale_leader.";

    /** {@code GET /health}: the cluster, UP or DEGRADED, and what Flink reports. */
    public record Health(String cluster, String status, Object flink) {}

    public static final Endpoint<Void, Health> HEALTH =
            Endpoint.get(
                    "/health",
                    VIEWER,
                    Health.class,
                    "health",
                    "The cluster's name, UP or DEGRADED, and its TaskManagers and slots");
    public static final Endpoint<Void, String> METRICS =
            Endpoint.get("/metrics", VIEWER, String.class, "metrics", "Prometheus metrics")
                    .producing("text/plain; version=0.0.4");
    public static final Endpoint<Void, String> OPENAPI =
            Endpoint.get(
                    "/v1/openapi.json",
                    VIEWER,
                    String.class,
                    "openapi",
                    "This API's OpenAPI 3 document");
    public static final Endpoint<Void, JobApi.JobList> LIST_JOBS =
            Endpoint.get(
                    "/v1/jobs",
                    VIEWER,
                    JobApi.JobList.class,
                    "listJobs",
                    "Every job the cluster knows");
    public static final Endpoint<JobApi.SubmitRequest, JobApi.Submitted> SUBMIT =
            Endpoint.change(
                    "POST",
                    "/v1/jobs",
                    ADMIN,
                    JobApi.SubmitRequest.class,
                    JobApi.Submitted.class,
                    201,
                    "submitJob",
                    "Runs a job under the caller's JobID (201), or finds it running (200)");
    public static final Endpoint<Void, JobApi.JobDetail> GET_JOB =
            Endpoint.get(
                    "/v1/jobs/{jobId}",
                    VIEWER,
                    JobApi.JobDetail.class,
                    "getJob",
                    "One job with its exception history and its logs");
    public static final Endpoint<Void, LogApi.JobExceptions> EXCEPTIONS =
            Endpoint.get(
                    "/v1/jobs/{jobId}/exceptions",
                    VIEWER,
                    LogApi.JobExceptions.class,
                    "jobExceptions",
                    "A job's root cause and exception history from Flink, newest first");
    public static final Endpoint<Void, LogApi.LogListing> LOGS =
            Endpoint.get(
                    "/v1/logs",
                    VIEWER,
                    LogApi.LogListing.class,
                    "listLogs",
                    "Every log file of the JobManager and the TaskManagers, with sizes");
    public static final Endpoint<Void, LogApi.LogPage> JOBMANAGER_LOG =
            Endpoint.get(
                            "/v1/logs/jobmanager",
                            VIEWER,
                            LogApi.LogPage.class,
                            "jobManagerLog",
                            "A page of a JobManager log: the newest lines unless offset or before is given")
                    .withQuery(logPaging());
    public static final Endpoint<Void, LogApi.LogPage> TASKMANAGER_LOG =
            Endpoint.get(
                            "/v1/logs/taskmanagers/{taskManager}",
                            VIEWER,
                            LogApi.LogPage.class,
                            "taskManagerLog",
                            "A page of a TaskManager log, paged like the JobManager's")
                    .withQuery(logPaging());
    public static final Endpoint<JobApi.StopRequest, JobApi.Operation> STOP =
            Endpoint.change(
                            "POST",
                            "/v1/jobs/{jobId}/stop",
                            ADMIN,
                            JobApi.StopRequest.class,
                            JobApi.Operation.class,
                            202,
                            "stopJob",
                            "Stops a job with a savepoint")
                    .optionalBody();
    public static final Endpoint<JobApi.SavepointRequest, JobApi.Operation> SAVEPOINT =
            Endpoint.change(
                            "POST",
                            "/v1/jobs/{jobId}/savepoints",
                            ADMIN,
                            JobApi.SavepointRequest.class,
                            JobApi.Operation.class,
                            202,
                            "savepoint",
                            "Takes a savepoint while the job keeps running")
                    .optionalBody();
    public static final Endpoint<Void, JobApi.Operation> CANCEL =
            Endpoint.change(
                    "POST",
                    "/v1/jobs/{jobId}/cancel",
                    ADMIN,
                    Void.class,
                    JobApi.Operation.class,
                    202,
                    "cancelJob",
                    "Cancels a job");
    public static final Endpoint<Void, JobApi.Operation> OPERATION =
            Endpoint.get(
                    "/v1/operations/{operationId}",
                    VIEWER,
                    JobApi.Operation.class,
                    "operation",
                    "Where an asynchronous operation stands");
    public static final Endpoint<JobApi.ArtifactRef, JobApi.Artifact> ARTIFACT =
            Endpoint.change(
                    "POST",
                    "/v1/artifacts",
                    ADMIN,
                    JobApi.ArtifactRef.class,
                    JobApi.Artifact.class,
                    201,
                    "ensureArtifact",
                    "Uploads a trusted jar from S3 to Flink (201), or finds it there (200)");
    public static final Endpoint<Void, StateApi.Listing> STATE =
            Endpoint.get(
                            "/v1/state",
                            VIEWER,
                            StateApi.Listing.class,
                            "listState",
                            "Every checkpoint and savepoint under the cluster's state prefix")
                    .withQuery(
                            Endpoint.query(
                                    "under",
                                    String.class,
                                    "only what lies under this path (a checkpoint or savepoint):"
                                            + " the check of one restore path lists that, not the"
                                            + " whole prefix; a path outside the prefix lists"
                                            + " nothing; newestRestorable and protectedBecause are"
                                            + " then judged among the listed entries only"),
                            Endpoint.query(
                                    "jobs",
                                    String.class,
                                    "only the checkpoints and savepoints of these jobs (JobIDs,"
                                            + " comma-separated, at most 1000), from their own"
                                            + " folders: what one deployment made, without listing"
                                            + " every job's state"));
    public static final Endpoint<StateApi.DeleteRequest, StateApi.Outcome> DELETE_STATE =
            Endpoint.change(
                    "POST",
                    "/v1/state/delete",
                    ADMIN,
                    StateApi.DeleteRequest.class,
                    StateApi.Outcome.class,
                    200,
                    "deleteState",
                    "Deletes state paths, refusing all if one is protected");
    public static final Endpoint<StateApi.RetentionRequest, StateApi.Outcome> RETENTION =
            Endpoint.change(
                    "POST",
                    "/v1/state/retention",
                    ADMIN,
                    StateApi.RetentionRequest.class,
                    StateApi.Outcome.class,
                    200,
                    "applyRetention",
                    "Deletes state beyond the retention, never what a job may restore from");

    /** Every endpoint, in the order the sidecar routes them. */
    public static final List<Endpoint<?, ?>> ALL =
            List.of(
                    HEALTH,
                    METRICS,
                    OPENAPI,
                    LIST_JOBS,
                    SUBMIT,
                    GET_JOB,
                    EXCEPTIONS,
                    LOGS,
                    JOBMANAGER_LOG,
                    TASKMANAGER_LOG,
                    STOP,
                    SAVEPOINT,
                    CANCEL,
                    OPERATION,
                    ARTIFACT,
                    STATE,
                    DELETE_STATE,
                    RETENTION);

    /** This API's OpenAPI 3 document, generated from {@link #ALL} on first use. */
    public static String openApiDocument() {
        return Document.JSON;
    }

    /** Generates the document when first asked (a few hundred ms), never for clients. */
    private static final class Document {
        static final String JSON = OpenApiDocument.json(TITLE, VERSION, DESCRIPTION, ALL);
    }

    private static Endpoint.Query[] logPaging() {
        return new Endpoint.Query[] {
            Endpoint.query(
                    "file",
                    String.class,
                    "a file name as GET /v1/logs lists it; default the main .log"),
            Endpoint.query(
                    "offset",
                    Long.class,
                    "the lines starting at or after this byte: a page's next"),
            Endpoint.query(
                    "before", Long.class, "the lines starting before this byte: a page's previous"),
            Endpoint.query("limit", Integer.class, "lines per page, 1 to 1000, default 200"),
            Endpoint.query("job", String.class, "only lines naming this JobID or the job's name")
        };
    }
}
