package io.flotilla.http;

import io.javalin.config.JavalinConfig;

/**
 * The hook for server-rendered pages on the same server as the API: the web UI registers its HTML
 * routes, static assets (WebJars) and cookie sessions on the Javalin config under {@code /}. The
 * API keeps {@code /v1}, {@code /health} and {@code /metrics} with bearer tokens; pages must not
 * register routes there, and must add CSRF protection to their own forms.
 */
@FunctionalInterface
public interface PageRoutes {

    /** Registers the pages, before the server starts. */
    void register(JavalinConfig config);

    /** Whether {@code path} belongs to the API rather than to pages. */
    static boolean isApi(String path) {
        return path.startsWith("/v1/")
                || path.equals("/v1")
                || path.equals("/health")
                || path.equals("/metrics");
    }
}
