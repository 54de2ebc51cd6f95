package io.flotilla.supervisor.http;

import io.flotilla.http.ApiException;
import io.flotilla.http.FencingGuard;
import io.flotilla.http.HttpApi;
import io.flotilla.http.HttpOptions;
import io.flotilla.http.PageRoutes;
import io.flotilla.http.Response;
import io.flotilla.http.TokenAuth;
import io.flotilla.supervisor.ClusterLoss;
import io.flotilla.supervisor.api.SupervisorEndpoints;
import io.flotilla.supervisor.port.BackfillStore;
import io.flotilla.supervisor.port.Clock;
import io.flotilla.supervisor.port.ClusterLogs;
import io.flotilla.supervisor.port.ClusterUnreachableException;
import io.flotilla.supervisor.port.ConflictException;
import io.flotilla.supervisor.port.ControlStore;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The supervisor's REST API: clusters, deployments and their desired state, releases, runs, state,
 * the audit log, lineage, health and metrics; every route behind a token with a role.
 */
public final class SupervisorApi implements AutoCloseable {

    private static final ClusterLogs NO_LOGS =
            new ClusterLogs() {
                @Override
                public LogPage logs(String cluster, LogQuery query) {
                    throw new ClusterUnreachableException(cluster, "this API reads no cluster");
                }

                @Override
                public JobFailures failures(String cluster, String jobId) {
                    throw new ClusterUnreachableException(cluster, "this API reads no cluster");
                }

                @Override
                public FlinkOverview overview(String cluster) {
                    throw new ClusterUnreachableException(cluster, "this API reads no cluster");
                }
            };

    private final HttpApi api;

    /** An API whose log and exception routes answer 503: for tests that read no cluster. */
    public SupervisorApi(
            InetSocketAddress bind,
            TokenAuth auth,
            ControlStore store,
            Clock clock,
            PrometheusMeterRegistry metrics,
            Supplier<Map<String, Object>> health,
            Runnable cleanupNow) {
        this(
                bind,
                auth,
                store,
                clock,
                metrics,
                health,
                cleanupNow,
                ClusterRegistrationPolicy.strict(),
                SpecRules.defaults(),
                ClusterAccess.logsOnly(NO_LOGS),
                HttpOptions.defaults(),
                ClusterLoss.LOST_AFTER);
    }

    /**
     * @param health what {@code /health} shows (leader or standby, last tick)
     * @param cleanupNow asks the state control to clean every cluster at the next tick
     * @param clusters where sidecars may be and where their tokens may come from
     * @param specs what a spec may hold: what the sidecars accept
     * @param clusters what the API reads from and asks of the clusters: logs and job failures,
     *     checkpoints and savepoints, savepoints on request
     * @param options TLS, timeouts and limits of the server
     * @param lostAfter how long a cluster must have been unreachable before it may be declared lost
     */
    public SupervisorApi(
            InetSocketAddress bind,
            TokenAuth auth,
            ControlStore store,
            Clock clock,
            PrometheusMeterRegistry metrics,
            Supplier<Map<String, Object>> health,
            Runnable cleanupNow,
            ClusterRegistrationPolicy clusters,
            SpecRules specs,
            ClusterAccess access,
            HttpOptions options,
            java.time.Duration lostAfter) {
        this(
                bind,
                auth,
                store,
                clock,
                metrics,
                health,
                cleanupNow,
                clusters,
                specs,
                access,
                options,
                lostAfter,
                BackfillStore.unavailable());
    }

    /** As above, with {@code backfills} where backfills are stored. */
    public SupervisorApi(
            InetSocketAddress bind,
            TokenAuth auth,
            ControlStore store,
            Clock clock,
            PrometheusMeterRegistry metrics,
            Supplier<Map<String, Object>> health,
            Runnable cleanupNow,
            ClusterRegistrationPolicy clusters,
            SpecRules specs,
            ClusterAccess access,
            HttpOptions options,
            java.time.Duration lostAfter,
            BackfillStore backfills) {
        this.api =
                new HttpApi(
                        "supervisor",
                        bind,
                        auth,
                        metrics,
                        SupervisorApi::mapError,
                        options,
                        new FencingGuard());
        api.route(SupervisorEndpoints.HEALTH, r -> Response.ok(health.get()))
                .route(
                        SupervisorEndpoints.METRICS,
                        r ->
                                Response.text(
                                        metrics.scrape(),
                                        SupervisorEndpoints.METRICS.contentType()))
                .route(
                        SupervisorEndpoints.OPENAPI,
                        r ->
                                Response.text(
                                        SupervisorEndpoints.openApiDocument(), "application/json"));
        DeploymentRoutes deployments = new DeploymentRoutes(store, clock, specs);
        new ClusterRoutes(store, clock, clusters, lostAfter).register(api);
        deployments.register(api);
        new ReadRoutes(store, clock, deployments, cleanupNow, new StoredStates(access.states()))
                .register(api);
        new LogRoutes(deployments, access.logs(), store, clock).register(api);
        new SavepointRoutes(deployments, access.savepoints(), store, clock).register(api);
        new BackfillRoutes(deployments, backfills, store, clock).register(api);
    }

    /**
     * Mounts the web UI's pages on the same server, before {@link #start}: see {@link PageRoutes}.
     */
    public SupervisorApi mount(PageRoutes pages) {
        api.mount(pages);
        return this;
    }

    public SupervisorApi start() {
        api.start();
        return this;
    }

    public URI uri() {
        return api.uri();
    }

    /** "METHOD template" of every route. */
    public List<String> routes() {
        return api.routes();
    }

    /** The role each route needs. */
    /** Every endpoint routed, for the OpenAPI check. */
    public List<io.flotilla.http.Endpoint<?, ?>> endpoints() {
        return api.endpoints();
    }

    public Map<String, io.flotilla.http.Role> roles() {
        return api.roles();
    }

    /** The store's refusals as API errors; anything else is a 500 with an error id. */
    static ApiException mapError(RuntimeException e) {
        if (e instanceof ConflictException c) {
            return new ApiException(409, "conflict", c.getMessage());
        }
        return null;
    }

    @Override
    public void close() {
        api.close();
    }
}
