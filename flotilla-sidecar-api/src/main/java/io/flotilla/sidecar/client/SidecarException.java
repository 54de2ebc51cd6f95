package io.flotilla.sidecar.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.http.ApiCallException;

/** The sidecar answered with an error: its status, code, field and message. */
public final class SidecarException extends ApiCallException {

    public SidecarException(
            int status, String code, String field, String message, JsonNode detail) {
        super(status, code, field, status + " " + code + ": " + message, detail);
    }

    /** From a raw error body {@code {"error": {"code", "message", "field"}}}. */
    public SidecarException(int status, JsonNode body) {
        this(
                status,
                body.path("error").path("code").asText(),
                body.path("error").path("field").asText(null),
                body.path("error").path("message").asText(),
                body.get("detail"));
    }

    static SidecarException of(ApiCallException e) {
        return new SidecarException(e.status(), e.code(), e.field(), e.getMessage(), e.detail());
    }
}
