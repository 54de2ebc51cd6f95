package io.flotilla.http;

import java.util.Map;

/** One HTTP request as handlers see it: path parameters, query parameters and the raw body. */
public record Request(
        String method,
        String path,
        Map<String, String> pathParams,
        Map<String, String> query,
        byte[] body,
        Principal principal) {

    /** A path parameter the route template declares. */
    public String param(String name) {
        return pathParams.get(name);
    }

    /** A query parameter, or {@code fallback} when absent. */
    public String query(String name, String fallback) {
        return query.getOrDefault(name, fallback);
    }

    /** The caller's token name, for audit logs. */
    public String who() {
        return principal.name();
    }

    public <T> T json(Class<T> type) {
        return Json.read(body, type);
    }
}
