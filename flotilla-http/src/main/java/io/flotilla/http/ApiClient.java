package io.flotilla.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import javax.net.ssl.SSLContext;

/**
 * Calls {@link Endpoint}s of one service over an {@link HttpTransport} (java.net.http unless told
 * otherwise) with a bearer token: the body written from the request type, the answer read as the
 * response type, errors as {@link ApiCallException} and connection failures as {@link
 * ApiUnreachableException}. The typed clients of each service are built on it.
 */
public final class ApiClient {

    /** Replies may carry fields newer than this client: ignore them rather than fail. */
    private static final ObjectMapper READER =
            Json.MAPPER.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** A success answer: its status (such as 201 or 200 for a create) and its typed body. */
    public record Reply<T>(int status, T body) {}

    private final URI base;
    private final String token;
    private final Long fencingToken;
    private final HttpTransport http;
    private final Duration timeout;

    public ApiClient(URI base, String token) {
        this(base, token, HttpTransport.httpClient(null));
    }

    /**
     * @param ssl trusts the service's certificate when it serves TLS, or null for the JDK's default
     */
    public ApiClient(URI base, String token, SSLContext ssl) {
        this(base, token, HttpTransport.httpClient(ssl));
    }

    /** A client sending its requests over {@code transport}. */
    public ApiClient(URI base, String token, HttpTransport transport) {
        this(base, token, null, transport, Duration.ofMinutes(3));
    }

    private ApiClient(
            URI base, String token, Long fencingToken, HttpTransport http, Duration timeout) {
        this.base = base;
        this.token = token;
        this.fencingToken = fencingToken;
        this.http = http;
        this.timeout = timeout;
    }

    /** A client whose changes carry a leader's fencing token. */
    public ApiClient fenced(long token) {
        return new ApiClient(base, this.token, token, http, timeout);
    }

    /** A client whose calls give up after {@code limit}. */
    public ApiClient withTimeout(Duration limit) {
        return new ApiClient(base, token, fencingToken, http, limit);
    }

    public URI base() {
        return base;
    }

    /** Calls {@code endpoint} with {@code body} (null for none) and the path's parameter values. */
    public <Req, Resp> Resp call(Endpoint<Req, Resp> endpoint, Req body, String... params) {
        return exchange(endpoint, Map.of(), body, params).body();
    }

    /** Calls {@code endpoint}, returning the success status with the body. */
    public <Req, Resp> Reply<Resp> exchange(
            Endpoint<Req, Resp> endpoint, Map<String, String> query, Req body, String... params) {
        String path = endpoint.expand(params) + query(query);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        headers.put("Accept", "application/json");
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        if (fencingToken != null && !endpoint.method().equals("GET")) {
            headers.put(FencingGuard.HEADER, String.valueOf(fencingToken));
        }
        HttpTransport.Answer response;
        try {
            response =
                    http.send(
                            endpoint.method(),
                            base.resolve(path),
                            headers,
                            body == null ? null : Json.write(body),
                            timeout);
        } catch (IOException e) {
            throw new ApiUnreachableException(base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + base + path, e);
        }
        byte[] bytes = response.body();
        if (response.status() / 100 != 2) {
            throw error(response.status(), bytes, endpoint);
        }
        return new Reply<>(response.status(), read(bytes, endpoint.response()));
    }

    @SuppressWarnings("unchecked")
    private static <T> T read(byte[] bytes, Class<T> type) {
        if (type == Void.class) {
            return null;
        }
        if (type == String.class) {
            return (T) new String(bytes, StandardCharsets.UTF_8);
        }
        try {
            return READER.readValue(bytes, type);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "the service's answer is not a " + type.getSimpleName() + ": " + e.getMessage(),
                    e);
        }
    }

    private static ApiCallException error(int status, byte[] bytes, Endpoint<?, ?> endpoint) {
        try {
            JsonNode tree = READER.readTree(bytes);
            ErrorBody body = READER.treeToValue(tree, ErrorBody.class);
            if (body != null && body.error() != null && body.error().code() != null) {
                return new ApiCallException(
                        status,
                        body.error().code(),
                        body.error().field(),
                        body.error().message(),
                        body.detail());
            }
        } catch (IOException | RuntimeException e) {
            // not one of our error bodies (a proxy's page): reported below by status
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return new ApiCallException(
                status,
                "http_" + status,
                null,
                endpoint.key()
                        + " answered "
                        + status
                        + (text.isBlank()
                                ? ""
                                : ": " + text.substring(0, Math.min(200, text.length()))),
                null);
    }

    private static String query(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringJoiner out = new StringJoiner("&", "?", "");
        query.forEach(
                (k, v) -> {
                    if (v != null) {
                        out.add(
                                URLEncoder.encode(k, StandardCharsets.UTF_8)
                                        + "="
                                        + URLEncoder.encode(v, StandardCharsets.UTF_8));
                    }
                });
        return out.length() == 1 ? "" : out.toString();
    }
}
