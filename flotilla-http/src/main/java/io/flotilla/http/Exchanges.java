package io.flotilla.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How {@link HttpApi} reads a request from Javalin (the body within its size limit, the first value
 * of each query parameter) and writes a {@link Response} (JSON unless it names its type; errors in
 * {@link ErrorBody}'s shape).
 */
final class Exchanges {

    private Exchanges() {}

    /** The body, at most {@code max} bytes: a larger one is refused with 413. */
    static byte[] body(Context ctx, int max) {
        // Not closed: closing the request's stream would make Jetty drop the connection.
        try {
            InputStream in = ctx.bodyInputStream();
            byte[] body = in.readNBytes(max + 1);
            if (body.length > max) {
                throw new ApiException(
                        413,
                        "body_too_large",
                        "request bodies are limited to "
                                + sizeLabel(max)
                                + " (--http-max-body-size)");
            }
            return body;
        } catch (IOException e) {
            throw ApiException.badRequest(
                    "unreadable_body", null, "cannot read the body: " + e.getMessage());
        }
    }

    /** The first value of each query parameter; a malformed query string is refused with 400. */
    static Map<String, String> query(Context ctx) {
        Map<String, String> q = new LinkedHashMap<>();
        try {
            ctx.queryParamMap().forEach((k, v) -> q.put(k, v.isEmpty() ? "" : v.get(0)));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(
                    "malformed_query",
                    null,
                    "the query string is not valid (" + e.getMessage() + "): escape % as %25");
        }
        return q;
    }

    /** The answer of a refusal: its status and the error body with its stable code. */
    static Response error(ApiException e) {
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

    static void send(Context ctx, Response response) {
        byte[] bytes;
        String type;
        if (response.contentType() != null) {
            bytes = String.valueOf(response.body()).getBytes(StandardCharsets.UTF_8);
            type = response.contentType();
        } else {
            bytes = Json.write(response.body());
            type = "application/json";
        }
        ctx.status(response.status());
        ctx.contentType(type);
        if (response.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        ctx.result(bytes);
    }

    private static String sizeLabel(int bytes) {
        return bytes % (1 << 20) == 0
                ? (bytes >> 20) + " MiB"
                : bytes % (1 << 10) == 0 ? (bytes >> 10) + " KiB" : bytes + " bytes";
    }
}
