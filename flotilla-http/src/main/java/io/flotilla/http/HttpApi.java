package io.flotilla.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON-over-HTTP server every Flotilla service shares, on Javalin 7 and Jetty 12: each {@link
 * Endpoint} bound to a handler, bearer-token auth with roles on every route, fencing of changes,
 * errors as JSON with a stable code (never a stack trace, never Jetty's HTML page), TLS from a
 * keystore, idle timeouts and size limits, a timer per route template and status (bounded, so
 * scanners cannot grow the registry), and a graceful stop. {@link #mount} adds the web UI's pages.
 */
public final class HttpApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final Set<String> METHODS =
            Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

    private static final List<HandlerType> REFUSED =
            List.of(
                    HandlerType.GET,
                    HandlerType.POST,
                    HandlerType.PUT,
                    HandlerType.PATCH,
                    HandlerType.DELETE);

    /** Marks requests a route answered, so the 404/405 mappers leave their answers alone. */
    private static final String SERVED = "flotilla.served";

    private record Route(Endpoint<?, ?> endpoint, Handler handler) {}

    private final String service;
    private final InetSocketAddress bind;
    private final TokenAuth auth;
    private final MeterRegistry metrics;
    private final Function<RuntimeException, ApiException> errors;
    private final HttpOptions options;
    private final List<Route> routes = new ArrayList<>();
    private final List<PageRoutes> pages = new ArrayList<>();
    private final FencingGuard fencing;
    private final AtomicInteger inFlight = new AtomicInteger();
    private Javalin app;

    /**
     * @param errors maps exceptions of the service's own adapters to API errors; return null to
     *     answer 500
     */
    public HttpApi(
            String service,
            InetSocketAddress bind,
            TokenAuth auth,
            MeterRegistry metrics,
            Function<RuntimeException, ApiException> errors) {
        this(service, bind, auth, metrics, errors, HttpOptions.defaults(), new FencingGuard());
    }

    /**
     * @param options TLS, timeouts and limits of the server
     * @param fencing checks the fencing token of every request that is not a GET
     */
    public HttpApi(
            String service,
            InetSocketAddress bind,
            TokenAuth auth,
            MeterRegistry metrics,
            Function<RuntimeException, ApiException> errors,
            HttpOptions options,
            FencingGuard fencing) {
        this.fencing = fencing;
        this.service = service;
        this.bind = bind;
        this.auth = auth;
        this.metrics = metrics;
        this.errors = errors;
        this.options = options;
    }

    /**
     * Serves {@code endpoint} with {@code handler}: only tokens with the endpoint's role or a
     * higher one may call it (others get 403).
     */
    public synchronized HttpApi route(Endpoint<?, ?> endpoint, Handler handler) {
        if (app != null) {
            throw new IllegalStateException("routes are added before start: " + endpoint.key());
        }
        for (Route r : routes) {
            if (r.endpoint.key().equals(endpoint.key())) {
                throw new IllegalArgumentException(endpoint.key() + " is routed twice");
            }
        }
        routes.add(new Route(endpoint, handler));
        return this;
    }

    /**
     * Adds server-rendered pages, static assets and sessions under {@code /} (the web UI), before
     * {@link #start}. Requests to pages are not authenticated by bearer token; the API's paths stay
     * as they are.
     */
    public synchronized HttpApi mount(PageRoutes routes) {
        if (app != null) {
            throw new IllegalStateException("pages are mounted before start");
        }
        pages.add(routes);
        return this;
    }

    /** Every endpoint served, in the order routed: for the OpenAPI document and its tests. */
    public List<Endpoint<?, ?>> endpoints() {
        return routes.stream().<Endpoint<?, ?>>map(Route::endpoint).toList();
    }

    /** "METHOD template" of every route, for the OpenAPI consistency test. */
    public List<String> routes() {
        return routes.stream().map(r -> r.endpoint.key()).toList();
    }

    /** The role each "METHOD template" needs, for tests and docs. */
    public Map<String, Role> roles() {
        Map<String, Role> out = new LinkedHashMap<>();
        routes.forEach(r -> out.put(r.endpoint.key(), r.endpoint.role()));
        return out;
    }

    public synchronized void start() {
        if (app != null) {
            return;
        }
        Javalin created = Javalin.create(this::configure);
        try {
            created.start();
        } catch (RuntimeException e) {
            created.stop();
            throw new IllegalStateException(
                    "cannot listen on " + bind + " (" + rootMessage(e) + "): choose another --port",
                    e);
        }
        app = created;
    }

    private void configure(JavalinConfig cfg) {
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.http.prefer405over404 = true;
        cfg.http.maxRequestSize = options.maxBodyBytes() + 1L;
        cfg.jetty.threadPool = JettyServer.threads(service);
        cfg.jetty.addConnector(
                (server, http) -> JettyServer.connector(server, http, bind, options));
        cfg.jetty.modifyServer(
                server -> {
                    server.setStopTimeout(options.shutdownTimeout().toMillis());
                    server.setErrorHandler(new JsonErrorHandler(this::recordUnmatched));
                });
        cfg.jetty.modifyServletContextHandler(
                context -> context.setErrorHandler(new JsonErrorHandler(this::recordUnmatched)));
        Map<String, Set<String>> methods = new LinkedHashMap<>();
        for (Route r : routes) {
            cfg.routes.addHttpHandler(
                    HandlerType.findOrCreate(r.endpoint.method()),
                    r.endpoint.path(),
                    ctx -> serve(r, ctx));
            methods.computeIfAbsent(r.endpoint.path(), k -> new java.util.HashSet<>())
                    .add(r.endpoint.method());
        }
        for (PageRoutes p : pages) {
            p.register(cfg);
        }
        // Refusals answered by handlers of our own: Javalin's 404/405 path closes the connection,
        // which breaks clients that reuse it. The error mappers stay for methods outside this list.
        methods.forEach(
                (path, served) -> {
                    for (HandlerType t : REFUSED) {
                        if (!served.contains(t.name())) {
                            cfg.routes.addHttpHandler(t, path, ctx -> unmatched(ctx, 405));
                        }
                    }
                });
        if (pages.isEmpty()) {
            for (HandlerType t : REFUSED) {
                cfg.routes.addHttpHandler(t, "/*", ctx -> unmatched(ctx, 404));
            }
        } else {
            for (String prefix : List.of("/v1/*", "/health/*", "/metrics/*")) {
                for (HandlerType t : REFUSED) {
                    cfg.routes.addHttpHandler(t, prefix, ctx -> unmatched(ctx, 404));
                }
            }
        }
        cfg.routes.error(404, ctx -> unmatched(ctx, 404));
        cfg.routes.error(405, ctx -> unmatched(ctx, 405));
    }

    public URI uri() {
        if (app == null) {
            throw new IllegalStateException("the " + service + " API is not started");
        }
        return URI.create(
                (options.tls() ? "https" : "http")
                        + "://"
                        + bind.getAddress().getHostAddress()
                        + ":"
                        + app.port());
    }

    private void serve(Route route, Context ctx) {
        ctx.attribute(SERVED, Boolean.TRUE);
        inFlight.incrementAndGet();
        long start = System.nanoTime();
        Endpoint<?, ?> endpoint = route.endpoint;
        String method = endpoint.method();
        Response response;
        Principal principal = null;
        try {
            principal = auth.authenticate(ctx.header("Authorization"));
            TokenAuth.require(principal, endpoint.role(), endpoint.key());
            if (!method.equals("GET")) {
                fencing.check(principal, ctx.header(FencingGuard.HEADER));
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (String name : endpoint.params()) {
                params.put(name, ctx.pathParam(name));
            }
            Map<String, String> query = Exchanges.query(ctx);
            byte[] body = Exchanges.body(ctx, options.maxBodyBytes());
            response =
                    route.handler.handle(
                            new Request(method, ctx.path(), params, query, body, principal));
        } catch (ApiException e) {
            response = Exchanges.error(e);
        } catch (RuntimeException e) {
            response = unexpected(method, ctx.path(), e);
        }
        try {
            Exchanges.send(ctx, response);
        } finally {
            inFlight.decrementAndGet();
        }
        long nanos = System.nanoTime() - start;
        record(method, endpoint.path(), response.status(), nanos);
        if (!method.equals("GET")) {
            LOG.info(
                    "{} {} {} by {} in {} ms",
                    method,
                    ctx.path(),
                    response.status(),
                    principal == null ? "nobody" : principal.name(),
                    nanos / 1_000_000);
        }
    }

    private Response unexpected(String method, String path, RuntimeException e) {
        ApiException mapped = errors.apply(e);
        if (mapped != null) {
            return Exchanges.error(mapped);
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("{} {} failed (error id {})", method, path, id, e);
        return Exchanges.error(
                new ApiException(
                        500,
                        "internal",
                        "internal error "
                                + id
                                + " in the "
                                + service
                                + "; its log has the details"));
    }

    /** 404 and 405 of paths no route serves: authenticated first, like every API request. */
    private void unmatched(Context ctx, int status) {
        if (ctx.attribute(SERVED) != null) {
            return;
        }
        ctx.attribute(SERVED, Boolean.TRUE);
        if (!pages.isEmpty() && !PageRoutes.isApi(ctx.path())) {
            return;
        }
        String method = ctx.req().getMethod();
        ApiException e;
        try {
            auth.authenticate(ctx.header("Authorization"));
            e =
                    status == 405
                            ? new ApiException(
                                    405,
                                    "method_not_allowed",
                                    method + " is not supported on " + ctx.path())
                            : new ApiException(
                                    404,
                                    "not_found",
                                    "no such endpoint: "
                                            + ctx.path()
                                            + "; see GET /v1/openapi.json");
        } catch (ApiException refused) {
            e = refused;
        }
        Response response = Exchanges.error(e);
        Exchanges.send(ctx, response);
        record(method, "unmatched", response.status(), 0);
    }

    private void recordUnmatched(String method, int status) {
        record(method, "unmatched", status, 0);
    }

    /** One timer per known method, route template (or "unmatched") and status. */
    private void record(String method, String template, int status, long nanos) {
        Timer.builder("flotilla.http.requests")
                .tag("service", service)
                .tag("method", METHODS.contains(method) ? method : "OTHER")
                .tag("route", template)
                .tag("status", status >= 100 && status < 600 ? String.valueOf(status) : "other")
                .register(metrics)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /**
     * Stops gracefully: no new connections, requests in flight may finish within the shutdown
     * timeout, then the server stops.
     */
    @Override
    public synchronized void close() {
        if (app == null) {
            return;
        }
        Server server = app.jettyServer().server();
        JettyServer.stopAccepting(server);
        long deadline = System.nanoTime() + options.shutdownTimeout().toNanos();
        if (!JettyServer.await(() -> inFlight.get() == 0, deadline, 10)) {
            LOG.warn(
                    "{} API stopping with {} requests still in flight after {}",
                    service,
                    inFlight.get(),
                    options.shutdownTimeout());
        }
        // Javalin writes a handler's result after the handler returns: wait for every response
        // begun to be written (a fixed pause lost them on a busy machine). Jetty's own graceful
        // stop would instead wait for idle keep-alive connections too (its whole timeout, 10 s for
        // every test server) and Javalin would log the wait it gave up as an error on every stop:
        // so no graceful wait of Jetty's.
        JettyServer.await(() -> !JettyServer.responsesPending(server), deadline, 5);
        server.setStopTimeout(0);
        app.stop();
        app = null;
    }
}
