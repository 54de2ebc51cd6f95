package io.flotilla.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small JSON-over-HTTP server on the JDK's HttpServer: routes with path templates, bearer-token
 * auth on every route, errors as JSON with a stable code (never a stack trace), a size limit on
 * bodies, and a timer per route and status.
 */
public final class HttpApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final int MAX_BODY = 1 << 20;

    private record Route(
            Endpoint<?, ?> endpoint, Pattern pattern, List<String> names, Handler handler) {}

    private final String service;
    private final HttpServer server;
    private final ExecutorService executor;
    private final TokenAuth auth;
    private final MeterRegistry metrics;
    private final Function<RuntimeException, ApiException> errors;
    private final List<Route> routes = new ArrayList<>();
    private final FencingGuard fencing = new FencingGuard();
    private volatile PageHandler pages;

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
        this.service = service;
        this.auth = auth;
        this.metrics = metrics;
        this.errors = errors;
        try {
            this.server = HttpServer.create(bind, 64);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot listen on " + bind + " (" + e.getMessage() + "): choose another --port",
                    e);
        }
        this.executor =
                Executors.newFixedThreadPool(
                        16,
                        r -> {
                            Thread t = new Thread(r, service + "-http");
                            t.setDaemon(true);
                            return t;
                        });
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
    }

    /**
     * Serves {@code endpoint} with {@code handler}: only tokens with the endpoint's role or a
     * higher one may call it (others get 403).
     */
    public HttpApi route(Endpoint<?, ?> endpoint, Handler handler) {
        List<String> names = new ArrayList<>();
        String template = endpoint.path();
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        for (Route r : routes) {
            if (r.endpoint.key().equals(endpoint.key())) {
                throw new IllegalArgumentException(endpoint.key() + " is routed twice");
            }
        }
        routes.add(new Route(endpoint, Pattern.compile(regex.toString()), names, handler));
        return this;
    }

    /**
     * A route not (yet) described by an {@link Endpoint} constant: a GET any token may call, other
     * methods admin only. Kept for routes written before the endpoint descriptions (the logs).
     */
    public HttpApi route(String method, String template, Handler handler) {
        Role role = method.equals("GET") ? Role.VIEWER : Role.ADMIN;
        String id = (method + template).replaceAll("[^A-Za-z0-9]+", "_");
        return route(
                new Endpoint<>(
                        method,
                        template,
                        role,
                        Void.class,
                        true,
                        Object.class,
                        200,
                        method + " " + template,
                        id,
                        "application/json"),
                handler);
    }

    /**
     * Mounts browser pages: every request whose path no route matches goes to {@code handler},
     * without bearer authentication (the pages keep their own sessions and CSRF tokens).
     */
    public HttpApi mount(PageHandler handler) {
        this.pages = handler;
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

    public void start() {
        server.start();
    }

    public URI uri() {
        InetSocketAddress a = server.getAddress();
        return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort());
    }

    private void dispatch(HttpExchange ex) {
        long start = System.nanoTime();
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        String template = "unmatched";
        Response response;
        Principal principal = null;
        try {
            Route route = null;
            Map<String, String> params = new LinkedHashMap<>();
            boolean pathKnown = false;
            for (Route r : routes) {
                Matcher m = r.pattern.matcher(path);
                if (m.matches()) {
                    pathKnown = true;
                    if (r.endpoint.method().equals(method)) {
                        route = r;
                        for (int i = 0; i < r.names.size(); i++) {
                            params.put(
                                    r.names.get(i),
                                    URLDecoder.decode(m.group(i + 1), StandardCharsets.UTF_8));
                        }
                        break;
                    }
                }
            }
            if (!pathKnown && pages != null) {
                servePage(ex, method, path, start);
                return;
            }
            principal = auth.authenticate(ex.getRequestHeaders().getFirst("Authorization"));
            if (route == null) {
                throw pathKnown
                        ? new ApiException(
                                405, "method_not_allowed", method + " is not supported on " + path)
                        : new ApiException(
                                404,
                                "not_found",
                                "no such endpoint: " + path + "; see GET /v1/openapi.json");
            }
            template = route.endpoint.path();
            TokenAuth.require(principal, route.endpoint.role(), route.endpoint.key());
            if (!method.equals("GET")) {
                fencing.check(ex.getRequestHeaders().getFirst(FencingGuard.HEADER));
            }
            byte[] body = readBody(ex.getRequestBody());
            response =
                    route.handler.handle(
                            new Request(
                                    method,
                                    path,
                                    params,
                                    query(ex.getRequestURI()),
                                    body,
                                    principal));
        } catch (ApiException e) {
            response = error(e);
        } catch (RuntimeException e) {
            ApiException mapped = errors.apply(e);
            if (mapped != null) {
                response = error(mapped);
            } else {
                String id = UUID.randomUUID().toString().substring(0, 8);
                LOG.error("{} {} failed (error id {})", method, path, id, e);
                response =
                        error(
                                new ApiException(
                                        500,
                                        "internal",
                                        "internal error "
                                                + id
                                                + " in the "
                                                + service
                                                + "; its log has the details"));
            }
        }
        send(ex, response);
        long nanos = System.nanoTime() - start;
        Timer.builder("flotilla.http.requests")
                .tag("service", service)
                .tag("method", method)
                .tag("route", template)
                .tag("status", String.valueOf(response.status()))
                .register(metrics)
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        if (!method.equals("GET")) {
            LOG.info(
                    "{} {} {} by {} in {} ms",
                    method,
                    path,
                    response.status(),
                    principal == null ? "nobody" : principal.name(),
                    nanos / 1_000_000);
        }
    }

    private void servePage(HttpExchange ex, String method, String path, long start) {
        int status = 500;
        try (ex) {
            Map<String, String> headers = new LinkedHashMap<>();
            ex.getRequestHeaders()
                    .forEach(
                            (k, v) ->
                                    headers.put(
                                            k.toLowerCase(java.util.Locale.ROOT),
                                            String.join(",", v)));
            PageHandler.PageResponse r;
            try {
                r =
                        pages.handle(
                                new PageHandler.PageRequest(
                                        method,
                                        path,
                                        query(ex.getRequestURI()),
                                        headers,
                                        readBody(ex.getRequestBody()),
                                        false));
            } catch (ApiException e) {
                r =
                        new PageHandler.PageResponse(
                                e.status(),
                                "text/plain; charset=utf-8",
                                List.of(),
                                e.getMessage().getBytes(StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                String id = UUID.randomUUID().toString().substring(0, 8);
                LOG.error("{} {} failed (error id {})", method, path, id, e);
                r =
                        new PageHandler.PageResponse(
                                500,
                                "text/plain; charset=utf-8",
                                List.of(),
                                ("internal error " + id + "; the " + service + "'s log has it")
                                        .getBytes(StandardCharsets.UTF_8));
            }
            status = r.status();
            ex.getResponseHeaders().set("Content-Type", r.contentType());
            r.headers().forEach(h -> ex.getResponseHeaders().add(h.getKey(), h.getValue()));
            ex.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(r.body());
            }
        } catch (IOException e) {
            LOG.debug("client went away before the page was sent", e);
        }
        Timer.builder("flotilla.http.requests")
                .tag("service", service)
                .tag("method", method)
                .tag("route", "page")
                .tag("status", String.valueOf(status))
                .register(metrics)
                .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private static Response error(ApiException e) {
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("code", e.code());
        err.put("message", e.getMessage());
        if (e.field() != null) {
            err.put("field", e.field());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", err);
        if (e.detail() != null) {
            body.put("detail", e.detail());
        }
        return new Response(e.status(), body, null);
    }

    private static byte[] readBody(InputStream in) {
        try (in) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new ApiException(
                        413, "body_too_large", "request bodies are limited to 1 MiB");
            }
            return body;
        } catch (IOException e) {
            throw ApiException.badRequest(
                    "unreadable_body", null, "cannot read the body: " + e.getMessage());
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> q = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k =
                    URLDecoder.decode(
                            eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v =
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.put(k, v);
        }
        return q;
    }

    private static void send(HttpExchange ex, Response response) {
        try (ex) {
            byte[] bytes;
            String type;
            if (response.contentType() != null) {
                bytes = String.valueOf(response.body()).getBytes(StandardCharsets.UTF_8);
                type = response.contentType();
            } else {
                bytes = Json.write(response.body());
                type = "application/json";
            }
            ex.getResponseHeaders().set("Content-Type", type);
            if (response.status() == 401) {
                ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            }
            ex.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            LOG.debug("client went away before the answer was sent", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
