package io.flotilla.http;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.media.DateTimeSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;

/**
 * Schemas of the types {@link Json} writes otherwise than their getters suggest: {@link Instant}
 * and {@link Duration} as ISO-8601 strings, a {@link JsonNode} as any JSON value.
 */
final class WireSchemas implements ModelConverter {

    @Override
    public Schema<?> resolve(
            AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        JavaType java = TypeFactory.defaultInstance().constructType(type.getType());
        if (java.getRawClass() == Duration.class) {
            return described(new StringSchema().format("duration").example("PT30S"), type);
        }
        if (java.getRawClass() == Instant.class) {
            return described(new DateTimeSchema(), type);
        }
        if (JsonNode.class.isAssignableFrom(java.getRawClass())) {
            return described(new Schema<>(), type);
        }
        return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    }

    /** Keeps the description a record component's {@code @Schema} gives. */
    private static Schema<?> described(Schema<?> schema, AnnotatedType type) {
        if (type.getCtxAnnotations() != null) {
            for (var a : type.getCtxAnnotations()) {
                if (a instanceof io.swagger.v3.oas.annotations.media.Schema s
                        && !s.description().isEmpty()) {
                    schema.description(s.description());
                }
            }
        }
        return schema;
    }
}
