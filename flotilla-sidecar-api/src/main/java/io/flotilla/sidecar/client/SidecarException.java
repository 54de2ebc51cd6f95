package io.flotilla.sidecar.client;

import com.fasterxml.jackson.databind.JsonNode;

/** The sidecar answered with an error (or not at all: status 0). */
public final class SidecarException extends RuntimeException {

    private final int status;
    private final JsonNode body;

    public SidecarException(int status, JsonNode body) {
        super(
                status
                        + " "
                        + body.path("error").path("code").asText()
                        + ": "
                        + body.path("error").path("message").asText());
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public String code() {
        return body.path("error").path("code").asText();
    }

    public JsonNode body() {
        return body;
    }
}
