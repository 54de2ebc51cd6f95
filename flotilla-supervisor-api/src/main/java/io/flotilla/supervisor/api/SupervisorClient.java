package io.flotilla.supervisor.api;

import static io.flotilla.supervisor.api.SupervisorEndpoints.*;

import io.flotilla.http.ApiCallException;
import io.flotilla.http.ApiClient;
import io.flotilla.http.ApiUnreachableException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * A typed client of the supervisor's API, for the CLI, the web UI, the local platform and tests:
 * one method per {@link SupervisorEndpoints} entry. A refusal throws {@link ApiCallException}
 * (status, code, field, message); a supervisor that does not answer throws {@link
 * ApiUnreachableException}.
 */
public final class SupervisorClient {

    private final ApiClient api;

    public SupervisorClient(URI base, String token) {
        this(new ApiClient(base, token));
    }

    /** A client of a supervisor serving TLS with a certificate {@code ssl} trusts. */
    public SupervisorClient(URI base, String token, SSLContext ssl) {
        this(new ApiClient(base, token, ssl));
    }

    public SupervisorClient(ApiClient api) {
        this.api = api;
    }

    /** The underlying caller, for endpoints called generically (CLI's --output json). */
    public ApiClient api() {
        return api;
    }

    public Health health() {
        return api.call(HEALTH, null);
    }

    public String metrics() {
        return api.call(METRICS, null);
    }

    public String openapi() {
        return api.call(OPENAPI, null);
    }

    public ClusterList clusters() {
        return api.call(LIST_CLUSTERS, null);
    }

    public ClusterView registerCluster(RegisterClusterRequest request) {
        return api.call(REGISTER_CLUSTER, request);
    }

    public ClusterView cluster(String name) {
        return api.call(GET_CLUSTER, null, name);
    }

    /** The cluster's Flink as its sidecar reports it now (asked of the sidecar at each call). */
    public ClusterFlinkView clusterFlink(String name) {
        return api.call(CLUSTER_FLINK, null, name);
    }

    public ClusterLost declareLost(String cluster) {
        return api.call(DECLARE_CLUSTER_LOST, null, cluster);
    }

    public DeploymentList deployments() {
        return api.call(LIST_DEPLOYMENTS, null);
    }

    /** One page of the deployments {@code query} selects, with how many match in all. */
    public DeploymentList deployments(DeploymentQuery query) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("phase", query.phase() == null ? null : query.phase().name());
        q.put("cluster", query.cluster());
        q.put("owner", query.owner());
        q.put("q", query.nameContains());
        q.put("sort", query.sort());
        q.put("offset", query.offset() == null ? null : query.offset().toString());
        q.put("limit", query.limit() == null ? null : query.limit().toString());
        return api.exchange(LIST_DEPLOYMENTS, q, null).body();
    }

    public DeploymentView create(DeploymentRequest request) {
        return api.call(CREATE_DEPLOYMENT, request);
    }

    public DeploymentView deployment(String name) {
        return api.call(GET_DEPLOYMENT, null, name);
    }

    public DeploymentView update(String name, DeploymentRequest request) {
        return api.call(UPDATE_DEPLOYMENT, request, name);
    }

    /** Deletes a STOPPED deployment; {@code generation} (or null) is the one the caller saw. */
    public Deleted delete(String name, Long generation) {
        Map<String, String> query = new LinkedHashMap<>();
        if (generation != null) {
            query.put("generation", String.valueOf(generation));
        }
        return api.exchange(DELETE_DEPLOYMENT, query, null, name).body();
    }

    /** {@code expectedGeneration} may be null: the change applies to whatever is current. */
    public DeploymentView start(String name, Long expectedGeneration) {
        return api.call(START, new ChangeRequest(expectedGeneration), name);
    }

    public DeploymentView stop(String name, Long expectedGeneration) {
        return api.call(STOP, new ChangeRequest(expectedGeneration), name);
    }

    public DeploymentView restart(String name, Long expectedGeneration) {
        return api.call(RESTART, new ChangeRequest(expectedGeneration), name);
    }

    public DeploymentView startFromSavepoint(String name, StartFromSavepointRequest request) {
        return api.call(START_FROM_SAVEPOINT, request, name);
    }

    public DeploymentView release(String name, ReleaseRequest request) {
        return api.call(RELEASE, request, name);
    }

    public Runs runs(String name) {
        return api.call(RUNS, null, name);
    }

    public Releases releases(String name) {
        return api.call(RELEASES, null, name);
    }

    public StateView state(String name) {
        return api.call(STATE, null, name);
    }

    /** Takes a savepoint of {@code name}'s running job; it keeps running. */
    public SavepointView takeSavepoint(String name) {
        return api.call(TAKE_SAVEPOINT, null, name);
    }

    public SavepointView savepoint(String name, String operationId) {
        return api.call(SAVEPOINT, null, name, operationId);
    }

    /** Starts a backfill of {@code name}: its DSL job as a batch over {@code [from, to)}. */
    public BackfillView startBackfill(String name, BackfillRequest request) {
        return api.call(START_BACKFILL, request, name);
    }

    public Backfills backfills(String name) {
        return api.call(BACKFILLS, null, name);
    }

    public BackfillView backfill(String name, long id) {
        return api.call(BACKFILL, null, name, String.valueOf(id));
    }

    /**
     * Asks to cancel backfill {@code id} of {@code name}; it ends CANCELED at the leader's round.
     */
    public BackfillView cancelBackfill(String name, long id) {
        return api.call(CANCEL_BACKFILL, null, name, String.valueOf(id));
    }

    public CleanupRequested cleanupState() {
        return api.call(CLEANUP_STATE, null);
    }

    /**
     * A page of the audit log.
     *
     * @param deployment only this deployment's events, or null for all
     * @param after only events after this id (0 for the first page)
     * @param limit at most this many (1 to 1000)
     */
    public EventsPage events(String deployment, long after, int limit) {
        Map<String, String> query = new LinkedHashMap<>();
        if (deployment != null) {
            query.put("deployment", deployment);
        }
        query.put("after", String.valueOf(after));
        query.put("limit", String.valueOf(limit));
        return api.exchange(EVENTS, query, null).body();
    }

    public Lineage lineage(String name, String version) {
        return api.call(GET_LINEAGE, null, name, version);
    }

    public Lineage putLineage(String name, String version, Lineage lineage) {
        return api.call(PUT_LINEAGE, lineage, name, version);
    }

    /** A page of a log of the deployment's cluster, as {@code query} asks. */
    public DeploymentLogPage logs(String name, LogQuery query) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put(
                "source",
                query.source() == null ? null : query.source().name().toLowerCase(Locale.ROOT));
        q.put("taskManager", query.taskManager());
        q.put("file", query.file());
        q.put("offset", query.offset() == null ? null : query.offset().toString());
        q.put("before", query.before() == null ? null : query.before().toString());
        q.put("limit", query.limit() == null ? null : query.limit().toString());
        q.put("all", query.all() ? "true" : null);
        return api.exchange(DEPLOYMENT_LOGS, q, null, name).body();
    }

    /** The exception history of the deployment's current job. */
    public DeploymentExceptions exceptions(String name) {
        return api.call(DEPLOYMENT_EXCEPTIONS, null, name);
    }
}
