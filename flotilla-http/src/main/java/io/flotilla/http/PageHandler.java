package io.flotilla.http;

import java.util.List;
import java.util.Map;

/**
 * Serves browser pages mounted beside the API: requests whose path no API route knows, without
 * bearer authentication (the pages have their own sessions), answered with any content type and
 * headers (cookies, redirects).
 */
@FunctionalInterface
public interface PageHandler {

    /** One browser request: header names are lower case; the body is the raw form or JSON. */
    record PageRequest(
            String method,
            String path,
            Map<String, String> query,
            Map<String, String> headers,
            byte[] body,
            boolean secure) {

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** What a page answers: status, content type, extra headers (repeatable) and bytes. */
    record PageResponse(
            int status, String contentType, List<Map.Entry<String, String>> headers, byte[] body) {}

    PageResponse handle(PageRequest request);
}
