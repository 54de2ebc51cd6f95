package io.flotilla.supervisor.api;

import static io.flotilla.http.Endpoint.query;
import static io.flotilla.http.Role.ADMIN;
import static io.flotilla.http.Role.OPERATOR;
import static io.flotilla.http.Role.VIEWER;

import io.flotilla.http.Endpoint;
import io.flotilla.http.OpenApiDocument;
import java.util.List;

/** Every route of the supervisor, described once for its server, its client and its docs. */
public final class SupervisorEndpoints {

    private SupervisorEndpoints() {}

    /** The title, version and description of the generated OpenAPI document. */
    public static final String TITLE = "Flotilla supervisor API";

    public static final String VERSION = "1.0";
    public static final String DESCRIPTION =
            "Every route needs 'Authorization: Bearer <token>'; x-flotilla-role is the lowest role"
                    + " that may call it (viewer < operator < admin). Errors are {\"error\":"
                    + " {\"code\", \"message\", \"field\"?}}.";

    public static final Endpoint<Void, Health> HEALTH =
            Endpoint.get(
                    "/health",
                    VIEWER,
                    Health.class,
                    "health",
                    "UP or DEGRADED, leader or standby, and the last tick");
    public static final Endpoint<Void, String> METRICS =
            Endpoint.get(
                            "/metrics",
                            VIEWER,
                            String.class,
                            "metrics",
                            "Prometheus metrics of the supervisor")
                    .producing("text/plain; version=0.0.4");
    public static final Endpoint<Void, String> OPENAPI =
            Endpoint.get(
                    "/v1/openapi.json",
                    VIEWER,
                    String.class,
                    "openapi",
                    "This API's OpenAPI 3 document");

    public static final Endpoint<Void, ClusterList> LIST_CLUSTERS =
            Endpoint.get(
                    "/v1/clusters",
                    VIEWER,
                    ClusterList.class,
                    "listClusters",
                    "Every registered cluster");
    public static final Endpoint<RegisterClusterRequest, ClusterView> REGISTER_CLUSTER =
            Endpoint.change(
                    "POST",
                    "/v1/clusters",
                    ADMIN,
                    RegisterClusterRequest.class,
                    ClusterView.class,
                    201,
                    "registerCluster",
                    "Registers a cluster's sidecar (201), or updates a known one (200)");
    public static final Endpoint<Void, ClusterView> GET_CLUSTER =
            Endpoint.get(
                    "/v1/clusters/{cluster}",
                    VIEWER,
                    ClusterView.class,
                    "getCluster",
                    "One cluster");
    public static final Endpoint<Void, ClusterFlinkView> CLUSTER_FLINK =
            Endpoint.get(
                    "/v1/clusters/{cluster}/flink",
                    VIEWER,
                    ClusterFlinkView.class,
                    "getClusterFlink",
                    "The cluster's Flink as its sidecar reports it now: version, TaskManagers, slots in all and free, the web UI's address; reachable false with the error when it does not answer");
    public static final Endpoint<Void, ClusterLost> DECLARE_CLUSTER_LOST =
            Endpoint.change(
                    "POST",
                    "/v1/clusters/{cluster}/lost",
                    ADMIN,
                    Void.class,
                    ClusterLost.class,
                    200,
                    "declareClusterLost",
                    "Declares a cluster lost: its desired-RUNNING deployments are placed on the healthy cluster with the fewest deployments, from their newest restorable state");

    public static final Endpoint<Void, DeploymentList> LIST_DEPLOYMENTS =
            Endpoint.get(
                            "/v1/deployments",
                            VIEWER,
                            DeploymentList.class,
                            "listDeployments",
                            "Every deployment; with any of the query parameters phase, cluster, owner, q (part of the name), sort (name, phase, cluster, version, owner, retries or updated; '-' first to reverse), offset and limit (1-1000, default 50), one page filtered and sorted by the store, with total, offset and limit")
                    .withQuery(
                            query("phase", Phase.class, "only deployments in this phase"),
                            query("cluster", String.class, "only deployments on this cluster"),
                            query("owner", String.class, "only deployments of this owner"),
                            query("q", String.class, "only names containing this"),
                            query(
                                    "sort",
                                    String.class,
                                    "name, phase, cluster, version, owner, retries or updated; a"
                                            + " leading - reverses"),
                            query("offset", Integer.class, "rows to skip (default 0)"),
                            query("limit", Integer.class, "rows in the page, 1-1000 (default 50)"));
    public static final Endpoint<DeploymentRequest, DeploymentView> CREATE_DEPLOYMENT =
            Endpoint.change(
                    "POST",
                    "/v1/deployments",
                    ADMIN,
                    DeploymentRequest.class,
                    DeploymentView.class,
                    201,
                    "createDeployment",
                    "Creates a deployment at generation 1");
    public static final Endpoint<Void, DeploymentView> GET_DEPLOYMENT =
            Endpoint.get(
                    "/v1/deployments/{name}",
                    VIEWER,
                    DeploymentView.class,
                    "getDeployment",
                    "One deployment: spec, last reconciled spec and status");
    public static final Endpoint<DeploymentRequest, DeploymentView> UPDATE_DEPLOYMENT =
            Endpoint.change(
                    "PUT",
                    "/v1/deployments/{name}",
                    OPERATOR,
                    DeploymentRequest.class,
                    DeploymentView.class,
                    200,
                    "updateDeployment",
                    "Changes a deployment's spec; needs expectedGeneration");
    public static final Endpoint<Void, Deleted> DELETE_DEPLOYMENT =
            Endpoint.change(
                            "DELETE",
                            "/v1/deployments/{name}",
                            ADMIN,
                            Void.class,
                            Deleted.class,
                            200,
                            "deleteDeployment",
                            "Deletes a STOPPED deployment; its state is cleaned after the grace period")
                    .withQuery(
                            query(
                                    "generation",
                                    Long.class,
                                    "the generation the delete is based on (optional)"));
    public static final Endpoint<ChangeRequest, DeploymentView> START =
            Endpoint.change(
                            "POST",
                            "/v1/deployments/{name}/start",
                            OPERATOR,
                            ChangeRequest.class,
                            DeploymentView.class,
                            200,
                            "startDeployment",
                            "Wants the deployment RUNNING")
                    .optionalBody();
    public static final Endpoint<ChangeRequest, DeploymentView> STOP =
            Endpoint.change(
                            "POST",
                            "/v1/deployments/{name}/stop",
                            OPERATOR,
                            ChangeRequest.class,
                            DeploymentView.class,
                            200,
                            "stopDeployment",
                            "Wants the deployment STOPPED (with a savepoint)")
                    .optionalBody();
    public static final Endpoint<ChangeRequest, DeploymentView> RESTART =
            Endpoint.change(
                            "POST",
                            "/v1/deployments/{name}/restart",
                            OPERATOR,
                            ChangeRequest.class,
                            DeploymentView.class,
                            200,
                            "restartDeployment",
                            "A new job of the same build from the newest state")
                    .optionalBody();
    public static final Endpoint<StartFromSavepointRequest, DeploymentView> START_FROM_SAVEPOINT =
            Endpoint.change(
                    "POST",
                    "/v1/deployments/{name}/start-from-savepoint",
                    OPERATOR,
                    StartFromSavepointRequest.class,
                    DeploymentView.class,
                    200,
                    "startFromSavepoint",
                    "Starts the deployment from a savepoint an operator chose");
    public static final Endpoint<Void, SavepointView> TAKE_SAVEPOINT =
            Endpoint.change(
                            "POST",
                            "/v1/deployments/{name}/savepoints",
                            OPERATOR,
                            Void.class,
                            SavepointView.class,
                            202,
                            "takeSavepoint",
                            "Takes a savepoint of the running job while it keeps running; follow"
                                    + " it with GET .../savepoints/{operationId}")
                    .optionalBody();
    public static final Endpoint<Void, SavepointView> SAVEPOINT =
            Endpoint.get(
                    "/v1/deployments/{name}/savepoints/{operationId}",
                    VIEWER,
                    SavepointView.class,
                    "savepoint",
                    "Where a savepoint taken on request stands, and its location once written");
    public static final Endpoint<BackfillRequest, BackfillView> START_BACKFILL =
            Endpoint.change(
                    "POST",
                    "/v1/deployments/{name}/backfills",
                    OPERATOR,
                    BackfillRequest.class,
                    BackfillView.class,
                    202,
                    "startBackfill",
                    "Re-runs the deployment's DSL job as a batch over [from, to) of its Kafka and file"
                            + " sources, into its sink or the table named by into, on a cluster"
                            + " with room, beside the streaming job and without its state; follow"
                            + " it with GET .../backfills/{id}");
    public static final Endpoint<Void, Backfills> BACKFILLS =
            Endpoint.get(
                    "/v1/deployments/{name}/backfills",
                    VIEWER,
                    Backfills.class,
                    "backfills",
                    "The deployment's backfills, newest first");
    public static final Endpoint<Void, BackfillView> BACKFILL =
            Endpoint.get(
                    "/v1/deployments/{name}/backfills/{id}",
                    VIEWER,
                    BackfillView.class,
                    "backfill",
                    "Where one backfill stands: RUNNING, FINISHED, FAILED or CANCELED, with its job");
    public static final Endpoint<Void, BackfillView> CANCEL_BACKFILL =
            Endpoint.change(
                    "DELETE",
                    "/v1/deployments/{name}/backfills/{id}",
                    OPERATOR,
                    Void.class,
                    BackfillView.class,
                    202,
                    "cancelBackfill",
                    "Asks the leader to cancel a RUNNING backfill's batch job (never the streaming"
                            + " job) and end it CANCELED; 409 when it already ended");
    public static final Endpoint<ReleaseRequest, DeploymentView> RELEASE =
            Endpoint.change(
                    "POST",
                    "/v1/deployments/{name}/releases",
                    OPERATOR,
                    ReleaseRequest.class,
                    DeploymentView.class,
                    202,
                    "release",
                    "Releases a new version, rolled back unless it runs with a checkpoint in time; with"
                            + " a compiled plan, refused (409 state_loss, detail StateLossReport) if"
                            + " it would lose state, unless allowStateLoss");

    public static final Endpoint<Void, Runs> RUNS =
            Endpoint.get(
                    "/v1/deployments/{name}/runs",
                    VIEWER,
                    Runs.class,
                    "runs",
                    "The current run (JobID, status, restored-from, last checkpoint and savepoint, retries) and every submission");
    public static final Endpoint<Void, Releases> RELEASES =
            Endpoint.get(
                    "/v1/deployments/{name}/releases",
                    VIEWER,
                    Releases.class,
                    "releases",
                    "The release in progress and past releases (requested, done, rolled back with the reason)");
    public static final Endpoint<Void, StateView> STATE =
            Endpoint.get(
                    "/v1/deployments/{name}/state",
                    VIEWER,
                    StateView.class,
                    "state",
                    "The state pinned for restores, the retention, and the checkpoints and savepoints the deployment's jobs left, with sizes");
    public static final Endpoint<Void, CleanupRequested> CLEANUP_STATE =
            Endpoint.change(
                    "POST",
                    "/v1/state/cleanup",
                    OPERATOR,
                    Void.class,
                    CleanupRequested.class,
                    202,
                    "cleanupState",
                    "Cleans every cluster's state by retention at the next tick");
    public static final Endpoint<Void, EventsPage> EVENTS =
            Endpoint.get(
                            "/v1/events",
                            VIEWER,
                            EventsPage.class,
                            "events",
                            "The audit log, oldest first, paged: who, what, when")
                    .withQuery(
                            query("deployment", String.class, "only this deployment's events"),
                            query(
                                    "after",
                                    Long.class,
                                    "events with an id above this (a page's next)"),
                            query(
                                    "limit",
                                    Integer.class,
                                    "events in the page, 1-1000 (default 100)"));
    public static final Endpoint<Void, Lineage> GET_LINEAGE =
            Endpoint.get(
                    "/v1/deployments/{name}/lineage/{version}",
                    VIEWER,
                    Lineage.class,
                    "getLineage",
                    "The tables a version of the job reads and writes");
    public static final Endpoint<Lineage, Lineage> PUT_LINEAGE =
            Endpoint.change(
                    "PUT",
                    "/v1/deployments/{name}/lineage/{version}",
                    OPERATOR,
                    Lineage.class,
                    Lineage.class,
                    200,
                    "putLineage",
                    "Stores the lineage of a version (the build does)");

    public static final Endpoint<Void, DeploymentLogPage> DEPLOYMENT_LOGS =
            Endpoint.get(
                            "/v1/deployments/{name}/logs",
                            VIEWER,
                            DeploymentLogPage.class,
                            "deploymentLogs",
                            "A page of the JobManager or a TaskManager log of the deployment's cluster: the newest lines naming its job unless offset, before or all is given")
                    .withQuery(
                            query("source", String.class, "jobmanager (default) or taskmanager"),
                            query(
                                    "taskManager",
                                    String.class,
                                    "with source=taskmanager: the TaskManager id (default the"
                                            + " first; the page lists them)"),
                            query("file", String.class, "a log file name (default the main .log)"),
                            query(
                                    "offset",
                                    Long.class,
                                    "the lines from this byte on: a page's next"),
                            query(
                                    "before",
                                    Long.class,
                                    "the lines before this byte: a page's previous"),
                            query("limit", Integer.class, "lines per page, 1-1000 (default 200)"),
                            query(
                                    "all",
                                    Boolean.class,
                                    "every line, not only those naming the deployment's job"));
    public static final Endpoint<Void, DeploymentExceptions> DEPLOYMENT_EXCEPTIONS =
            Endpoint.get(
                    "/v1/deployments/{name}/exceptions",
                    VIEWER,
                    DeploymentExceptions.class,
                    "deploymentExceptions",
                    "The exception history of the deployment's current job: root cause, time, task; newest first");

    /** Every endpoint, in the order the supervisor routes them. */
    public static final List<Endpoint<?, ?>> ALL =
            List.of(
                    HEALTH,
                    METRICS,
                    OPENAPI,
                    LIST_CLUSTERS,
                    REGISTER_CLUSTER,
                    GET_CLUSTER,
                    CLUSTER_FLINK,
                    DECLARE_CLUSTER_LOST,
                    LIST_DEPLOYMENTS,
                    CREATE_DEPLOYMENT,
                    GET_DEPLOYMENT,
                    UPDATE_DEPLOYMENT,
                    DELETE_DEPLOYMENT,
                    START,
                    STOP,
                    RESTART,
                    START_FROM_SAVEPOINT,
                    TAKE_SAVEPOINT,
                    SAVEPOINT,
                    START_BACKFILL,
                    BACKFILLS,
                    BACKFILL,
                    CANCEL_BACKFILL,
                    RELEASE,
                    RUNS,
                    RELEASES,
                    STATE,
                    CLEANUP_STATE,
                    EVENTS,
                    GET_LINEAGE,
                    PUT_LINEAGE,
                    DEPLOYMENT_LOGS,
                    DEPLOYMENT_EXCEPTIONS);

    /** This API's OpenAPI 3 document, generated from {@link #ALL} on first use. */
    public static String openApiDocument() {
        return Document.JSON;
    }

    /** Generates the document when first asked (a few hundred ms), never for clients. */
    private static final class Document {
        static final String JSON = OpenApiDocument.json(TITLE, VERSION, DESCRIPTION, ALL);
    }
}
