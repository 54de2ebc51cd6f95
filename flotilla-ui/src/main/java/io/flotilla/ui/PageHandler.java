package io.flotilla.ui;

import java.util.List;
import java.util.Map;

/**
 * The UI's view of one browser request and its answer, independent of the HTTP server: {@link
 * WebUi} adapts Javalin's context to it, so the router and the pages stay plain code.
 */
interface PageHandler {

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
