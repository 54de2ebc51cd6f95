package io.flotilla.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The UI's calls of the supervisor's API, each with the logged-in user's own token, so the API's
 * role checks decide what the user may see and do.
 */
public final class SupervisorCalls {

    /** The API refused or failed: its status, code and message. */
    public static final class Refused extends RuntimeException {
        private final int status;
        private final String code;

        public Refused(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<URI> base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param base the API's address; asked at each call since it is known once the port is.
     */
    public SupervisorCalls(Supplier<URI> base) {
        this.base = base;
    }

    public JsonNode get(String token, String path) {
        return send(token, HttpRequest.newBuilder(uri(path)).GET(), path);
    }

    /** A POST with a JSON body ({@code "{}"} when the route takes none). */
    public JsonNode post(String token, String path, Object body) {
        try {
            return send(
                    token,
                    HttpRequest.newBuilder(uri(path))
                            .header("Content-Type", "application/json")
                            .POST(
                                    HttpRequest.BodyPublishers.ofByteArray(
                                            JSON.writeValueAsBytes(body))),
                    path);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(base.get().toString() + path);
    }

    private JsonNode send(String token, HttpRequest.Builder b, String path) {
        HttpResponse<byte[]> r;
        try {
            r =
                    http.send(
                            b.header("Authorization", "Bearer " + token)
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Refused(502, "unreachable", "the supervisor's API did not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused(503, "interrupted", "interrupted");
        }
        JsonNode body;
        try {
            body = r.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new Refused(502, "bad_reply", path + " answered no JSON");
        }
        if (r.statusCode() >= 300) {
            JsonNode err = body.path("error");
            throw new Refused(
                    r.statusCode(),
                    err.path("code").asText("error"),
                    err.path("message").asText(path + " answered " + r.statusCode()));
        }
        return body;
    }
}
