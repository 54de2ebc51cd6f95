package io.flotilla.ui;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
            int status, String contentType, List<Map.Entry<String, String>> headers, byte[] body) {

        /** An HTML page that is never cached nor framed, with the extra headers {@code h}. */
        static PageResponse html(int status, String body, List<Map.Entry<String, String>> h) {
            List<Map.Entry<String, String>> headers = new ArrayList<>(h);
            headers.add(Map.entry("Cache-Control", "no-store"));
            headers.add(Map.entry("X-Content-Type-Options", "nosniff"));
            headers.add(Map.entry("X-Frame-Options", "DENY"));
            return new PageResponse(
                    status,
                    "text/html; charset=utf-8",
                    headers,
                    body.getBytes(StandardCharsets.UTF_8));
        }

        /** A plain-text answer, such as a refusal an htmx request shows. */
        static PageResponse text(int status, String message) {
            return new PageResponse(
                    status,
                    "text/plain; charset=utf-8",
                    List.of(),
                    message.getBytes(StandardCharsets.UTF_8));
        }

        /** A 303 to {@code to} (so a POST is not repeated on reload), with the extra headers. */
        static PageResponse redirect(String to, List<Map.Entry<String, String>> h) {
            List<Map.Entry<String, String>> headers = new ArrayList<>(h);
            headers.add(Map.entry("Location", to));
            return new PageResponse(303, "text/plain; charset=utf-8", headers, new byte[0]);
        }
    }

    PageResponse handle(PageRequest request);
}
