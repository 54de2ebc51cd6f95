package io.flotilla.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenAPI 3 document of a service, generated from its {@link Endpoint} descriptions: paths,
 * methods, roles ({@code x-flotilla-role}), path and query parameters, and the schemas of the
 * request and response records as swagger-core's {@link ModelConverters} reads them (enums as
 * enums, times and durations as ISO strings).
 */
public final class OpenApiDocument {

    /** The extension that names the least role an operation needs. */
    public static final String ROLE = "x-flotilla-role";

    private static final String BEARER = "bearer";
    private static final String ERROR = ErrorBody.class.getSimpleName();

    private final ModelConverters converters;
    private final Map<String, Schema> schemas = new TreeMap<>();

    private OpenApiDocument() {
        converters = new ModelConverters();
        converters.addConverter(new WireSchemas());
    }

    /**
     * The document of {@code endpoints}, under {@code title}, {@code version} and a description.
     */
    public static OpenAPI of(
            String title, String version, String description, List<Endpoint<?, ?>> endpoints) {
        return new OpenApiDocument().build(title, version, description, endpoints);
    }

    /** {@link #of} as pretty JSON. */
    public static String json(
            String title, String version, String description, List<Endpoint<?, ?>> endpoints) {
        try {
            return io.swagger.v3.core.util.Json.pretty()
                    .writeValueAsString(of(title, version, description, endpoints));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the OpenAPI document of " + title, e);
        }
    }

    private OpenAPI build(
            String title, String version, String description, List<Endpoint<?, ?>> endpoints) {
        Paths paths = new Paths();
        for (Endpoint<?, ?> e : endpoints) {
            PathItem item = paths.computeIfAbsent(e.path(), p -> new PathItem());
            item.operation(PathItem.HttpMethod.valueOf(e.method()), operation(e));
        }
        schema(ErrorBody.class);
        return new OpenAPI()
                .info(new Info().title(title).version(version).description(description))
                .components(
                        new Components()
                                .schemas(schemas)
                                .addSecuritySchemes(
                                        BEARER,
                                        new SecurityScheme()
                                                .type(SecurityScheme.Type.HTTP)
                                                .scheme("bearer")
                                                .description("An API token of the service")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .paths(paths);
    }

    private Operation operation(Endpoint<?, ?> e) {
        Operation op =
                new Operation()
                        .operationId(e.operationId())
                        .summary(e.summary())
                        .extensions(new TreeMap<>(Map.of(ROLE, e.role().label())));
        for (String name : e.params()) {
            op.addParametersItem(
                    new PathParameter().name(name).required(true).schema(new StringSchema()));
        }
        for (Endpoint.Query q : e.query()) {
            op.addParametersItem(query(q));
        }
        if (e.hasBody()) {
            op.requestBody(
                    new RequestBody()
                            .required(!e.requestOptional())
                            .content(content("application/json", schema(e.request()))));
        }
        ApiResponse ok = new ApiResponse().description(e.summary());
        if (e.response() != Void.class) {
            ok.content(content(e.contentType(), body(e)));
        }
        op.responses(
                new ApiResponses()
                        .addApiResponse(String.valueOf(e.status()), ok)
                        .addApiResponse(
                                "default",
                                new ApiResponse()
                                        .description(
                                                "An error: its code, a message naming the field,"
                                                        + " the rule and the fix")
                                        .content(content("application/json", ref(ERROR)))));
        return op;
    }

    private Schema<?> body(Endpoint<?, ?> e) {
        if (e.response() != String.class) {
            return schema(e.response());
        }
        // A document passed through as text: JSON when its media type says so.
        return e.contentType().startsWith("application/json")
                ? new ObjectSchema()
                : new StringSchema();
    }

    private static Parameter query(Endpoint.Query q) {
        Schema<?> schema;
        Class<?> type = q.type();
        if (type.isEnum()) {
            StringSchema values = new StringSchema();
            Arrays.stream(type.getEnumConstants()).forEach(c -> values.addEnumItem(c.toString()));
            schema = values;
        } else if (type == Integer.class || type == int.class) {
            schema = new IntegerSchema();
        } else if (type == Long.class || type == long.class) {
            schema = new IntegerSchema().format("int64");
        } else if (type == Boolean.class || type == boolean.class) {
            schema = new BooleanSchema();
        } else if (type == String.class) {
            schema = new StringSchema();
        } else {
            throw new IllegalArgumentException(
                    "query parameter " + q.name() + ": no schema for " + type.getName());
        }
        return new QueryParameter().name(q.name()).description(q.description()).schema(schema);
    }

    /** The schema of {@code type}: a reference to a component for records, inline otherwise. */
    private Schema<?> schema(Class<?> type) {
        var resolved =
                converters.resolveAsResolvedSchema(new AnnotatedType(type).resolveAsRef(true));
        if (resolved.referencedSchemas != null) {
            schemas.putAll(resolved.referencedSchemas);
        }
        if (resolved.schema == null) {
            throw new IllegalArgumentException("no schema for " + type.getName());
        }
        return resolved.schema;
    }

    private static Schema<?> ref(String component) {
        return new Schema<>().$ref("#/components/schemas/" + component);
    }

    private static Content content(String mediaType, Schema<?> schema) {
        return new Content().addMediaType(mediaType, new MediaType().schema(schema));
    }
}
