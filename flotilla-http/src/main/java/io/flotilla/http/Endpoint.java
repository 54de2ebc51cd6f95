package io.flotilla.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One endpoint described once, for the server that binds a handler to it, the typed client that
 * calls it and the OpenAPI document generated from it (Flink's {@code *Headers} idea).
 *
 * @param method the HTTP method, upper case
 * @param path the path template, with parameters as {@code {name}}
 * @param role the least role a token needs
 * @param request the body's type, or {@code Void.class} for none
 * @param requestOptional whether the body may be left out (the handler then uses defaults)
 * @param response the success body's type; {@code String.class} for a text body
 * @param status the usual success status (a handler may answer another 2xx, such as 200 for an
 *     idempotent create that found its resource)
 * @param summary one line for the docs
 * @param operationId a stable name of the operation, for generated clients
 * @param contentType the success body's media type
 * @param query the query parameters it reads, for the docs
 */
public record Endpoint<Req, Resp>(
        String method,
        String path,
        Role role,
        Class<Req> request,
        boolean requestOptional,
        Class<Resp> response,
        int status,
        String summary,
        String operationId,
        String contentType,
        List<Query> query) {

    /**
     * A query parameter: its name, its type ({@code String}, {@code Integer}, {@code Long}, {@code
     * Boolean} or an enum) and what it does.
     */
    public record Query(String name, Class<?> type, String description) {
        public Query {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(description, "description");
        }
    }

    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");

    public Endpoint {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(contentType, "contentType");
        query = List.copyOf(query);
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
    }

    /** A GET without a body, answering 200 with a JSON {@code response}. */
    public static <Resp> Endpoint<Void, Resp> get(
            String path, Role role, Class<Resp> response, String operationId, String summary) {
        return new Endpoint<>(
                "GET",
                path,
                role,
                Void.class,
                false,
                response,
                200,
                summary,
                operationId,
                "application/json",
                List.of());
    }

    /** A change with a required JSON body (or {@code Void.class} for none). */
    public static <Req, Resp> Endpoint<Req, Resp> change(
            String method,
            String path,
            Role role,
            Class<Req> request,
            Class<Resp> response,
            int status,
            String operationId,
            String summary) {
        return new Endpoint<>(
                method,
                path,
                role,
                request,
                false,
                response,
                status,
                summary,
                operationId,
                "application/json",
                List.of());
    }

    /** This endpoint with an optional body. */
    public Endpoint<Req, Resp> optionalBody() {
        return new Endpoint<>(
                method,
                path,
                role,
                request,
                true,
                response,
                status,
                summary,
                operationId,
                contentType,
                query);
    }

    /** This endpoint answering {@code type} instead of JSON (metrics, documents). */
    public Endpoint<Req, Resp> producing(String type) {
        return new Endpoint<>(
                method,
                path,
                role,
                request,
                requestOptional,
                response,
                status,
                summary,
                operationId,
                type,
                query);
    }

    /** This endpoint reading {@code params} from the query string (documented, not enforced). */
    public Endpoint<Req, Resp> withQuery(Query... params) {
        List<Query> all = new ArrayList<>(query);
        all.addAll(List.of(params));
        return new Endpoint<>(
                method,
                path,
                role,
                request,
                requestOptional,
                response,
                status,
                summary,
                operationId,
                contentType,
                all);
    }

    /** A query parameter, for {@link #withQuery}. */
    public static Query query(String name, Class<?> type, String description) {
        return new Query(name, type, description);
    }

    /** Whether the endpoint takes a body at all. */
    public boolean hasBody() {
        return request != Void.class;
    }

    /** The names of the path's parameters, in order. */
    public List<String> params() {
        List<String> names = new ArrayList<>();
        Matcher m = PARAM.matcher(path);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The path with {@code values} in place of its parameters, each percent-encoded. */
    public String expand(String... values) {
        List<String> names = params();
        if (values.length != names.size()) {
            throw new IllegalArgumentException(
                    operationId + " needs " + names + ", got " + values.length + " values");
        }
        Matcher m = PARAM.matcher(path);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (m.find()) {
            String encoded =
                    URLEncoder.encode(
                                    Objects.requireNonNull(values[i++], names.get(i - 1)),
                                    StandardCharsets.UTF_8)
                            .replace("+", "%20");
            m.appendReplacement(out, Matcher.quoteReplacement(encoded));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** "METHOD template", as routes and docs name the endpoint. */
    public String key() {
        return method + " " + path;
    }
}
