package io.flotilla.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answer to requests that never reach a route (a malformed URL, a bad {@code %} escape, an
 * oversized header) in the API's JSON error shape instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

    private final BiConsumer<String, Integer> record;

    /**
     * @param record counts each such answer by method and status
     */
    JsonErrorHandler(BiConsumer<String, Integer> record) {
        this.record = record;
    }

    @Override
    protected void generateResponse(
            Request request,
            Response response,
            int code,
            String message,
            Throwable cause,
            Callback callback)
            throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code(code));
        error.put(
                "message",
                (message == null || message.isBlank() ? "the request was refused" : message)
                        + " (HTTP "
                        + code
                        + "): check the URL's % escapes, the headers' size and the method");
        byte[] body = Json.write(Map.of("error", error));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        record.accept(request.getMethod(), code);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static String code(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "body_too_large";
            case 414 -> "uri_too_long";
            case 431 -> "headers_too_large";
            default -> status >= 500 ? "internal" : "http_" + status;
        };
    }
}
