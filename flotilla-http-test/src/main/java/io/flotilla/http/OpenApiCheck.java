package io.flotilla.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a service's served OpenAPI document against the routes it serves: valid OpenAPI 3, every
 * route with its role and parameters, every request and response record as a schema with all its
 * fields (enums as enums, times and durations as strings). Shared by every service's tests
 * (flotilla-http-test, a test-scoped dependency).
 */
public final class OpenApiCheck {

    private OpenApiCheck() {}

    /** Checks {@code document} (JSON) against the routes {@code api} serves. */
    public static void check(String document, HttpApi api) throws Exception {
        check(document, api.endpoints());
    }

    /**
     * Checks {@code document} (JSON) against the endpoints a server routes ({@link
     * HttpApi#endpoints}).
     */
    public static void check(String document, List<Endpoint<?, ?>> routed) throws Exception {
        assertValid(document);
        JsonNode doc = Json.MAPPER.readTree(document);
        Map<String, Role> roles = new LinkedHashMap<>();
        routed.forEach(e -> roles.put(e.key(), e.role()));
        assertThat(described(doc)).containsExactlyInAnyOrderEntriesOf(roles);
        for (Endpoint<?, ?> e : routed) {
            JsonNode op =
                    doc.path("paths").path(e.path()).path(e.method().toLowerCase(Locale.ROOT));
            assertThat(op.path("summary").asText()).as(e.key()).isEqualTo(e.summary());
            Set<String> params = new HashSet<>();
            op.path("parameters")
                    .forEach(
                            p -> params.add(p.path("in").asText() + ":" + p.path("name").asText()));
            e.params().forEach(p -> assertThat(params).as(e.key()).contains("path:" + p));
            e.query().forEach(q -> assertThat(params).as(e.key()).contains("query:" + q.name()));
            if (e.hasBody()) {
                assertRecord(doc, e.request());
            }
            if (e.response() != String.class && e.response() != Void.class) {
                assertRecord(doc, e.response());
            }
        }
    }

    /** The swagger parser reads {@code document} as OpenAPI 3 without a single message. */
    public static void assertValid(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document, null, options);
        assertThat(parsed.getMessages()).as("OpenAPI validation messages").isEmpty();
        assertThat(parsed.getOpenAPI()).isNotNull();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.");
    }

    /** "METHOD path" of every operation with the role its x-flotilla-role names. */
    private static Map<String, Role> described(JsonNode doc) {
        Map<String, Role> out = new LinkedHashMap<>();
        doc.path("paths")
                .fields()
                .forEachRemaining(
                        path ->
                                path.getValue()
                                        .fields()
                                        .forEachRemaining(
                                                op ->
                                                        out.put(
                                                                op.getKey().toUpperCase(Locale.ROOT)
                                                                        + " "
                                                                        + path.getKey(),
                                                                Role.parse(
                                                                        op.getValue()
                                                                                .path(
                                                                                        OpenApiDocument
                                                                                                .ROLE)
                                                                                .asText()))));
        return out;
    }

    /** {@code type}'s schema lists every field, and so do the records it holds. */
    private static void assertRecord(JsonNode doc, Class<?> type) {
        assertRecord(doc, type, new HashSet<>());
    }

    private static void assertRecord(JsonNode doc, Class<?> type, Set<Class<?>> seen) {
        if (!type.isRecord() || !seen.add(type)) {
            return;
        }
        JsonNode schema = doc.path("components").path("schemas").path(type.getSimpleName());
        assertThat(schema.isMissingNode()).as("schema " + type.getSimpleName()).isFalse();
        for (RecordComponent c : type.getRecordComponents()) {
            JsonNode property = schema.path("properties").path(c.getName());
            String where = type.getSimpleName() + "." + c.getName();
            assertThat(property.isMissingNode()).as(where).isFalse();
            Class<?> field = c.getType();
            if (field.isEnum()) {
                assertThat(enumValues(doc, property))
                        .as(where)
                        .hasSize(field.getEnumConstants().length);
            } else if (field == Instant.class || field == Duration.class) {
                assertThat(property.path("type").asText()).as(where).isEqualTo("string");
            }
            assertRecord(doc, field, seen);
            for (Class<?> element : typeArguments(c.getGenericType())) {
                assertRecord(doc, element, seen);
            }
        }
    }

    private static JsonNode enumValues(JsonNode doc, JsonNode property) {
        if (property.has("$ref")) {
            String name = property.path("$ref").asText().replace("#/components/schemas/", "");
            return doc.path("components").path("schemas").path(name).path("enum");
        }
        return property.path("enum");
    }

    private static List<Class<?>> typeArguments(Type type) {
        if (type instanceof ParameterizedType p) {
            return java.util.Arrays.stream(p.getActualTypeArguments())
                    .filter(Class.class::isInstance)
                    .<Class<?>>map(Class.class::cast)
                    .toList();
        }
        return List.of();
    }
}
