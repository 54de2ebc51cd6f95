package io.flotilla.supervisor.http;

import io.flotilla.http.ApiException;
import io.flotilla.http.HttpApi;
import io.flotilla.http.Response;
import io.flotilla.http.TokenAuth;
import io.flotilla.supervisor.ClusterLoss;
import io.flotilla.supervisor.port.Clock;
import io.flotilla.supervisor.port.ConflictException;
import io.flotilla.supervisor.port.ControlStore;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The supervisor's REST API: clusters, deployments and their desired state, releases, runs, state,
 * the audit log, lineage, health and metrics; every route behind a token with a role.
 */
public final class SupervisorApi implements AutoCloseable {

    private final HttpApi api;

    /**
     * @param health what {@code /health} shows (leader or standby, last tick)
     * @param cleanupNow asks the state control to clean every cluster at the next tick
     */
    public SupervisorApi(
            InetSocketAddress bind,
            TokenAuth auth,
            ControlStore store,
            Clock clock,
            PrometheusMeterRegistry metrics,
            Supplier<Map<String, Object>> health,
            Runnable cleanupNow) {
        this(bind, auth, store, clock, metrics, health, cleanupNow, ClusterLoss.LOST_AFTER);
    }

    /**
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
            java.time.Duration lostAfter) {
        this.api = new HttpApi("supervisor", bind, auth, metrics, SupervisorApi::mapError);
        String openapi = resource("/supervisor-openapi.json");
        api.route("GET", "/health", r -> Response.ok(health.get()))
                .route(
                        "GET",
                        "/metrics",
                        r -> Response.text(metrics.scrape(), "text/plain; version=0.0.4"))
                .route("GET", "/v1/openapi.json", r -> Response.text(openapi, "application/json"));
        DeploymentRoutes deployments = new DeploymentRoutes(store, clock);
        new ClusterRoutes(store, clock, lostAfter).register(api);
        deployments.register(api);
        new ReadRoutes(store, clock, deployments, cleanupNow).register(api);
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

    private static String resource(String name) {
        try (InputStream in = SupervisorApi.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing resource " + name, e);
        }
    }

    @Override
    public void close() {
        api.close();
    }
}
