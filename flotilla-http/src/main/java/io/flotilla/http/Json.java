package io.flotilla.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.stream.Collectors;

/** The sidecar's JSON: strict on input (unknown fields refused), ISO times on output. */
public final class Json {

    public static final ObjectMapper MAPPER = strict(new ObjectMapper());

    private static ObjectMapper strict(ObjectMapper mapper) {
        // 5 for a text field is a mistake, not "5"
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // "" or "2" for a number is a mistake, not null or 2
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        return mapper.registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // 1.5 for a whole number is a mistake, not 1
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    private Json() {}

    /** Reads a request body, turning every JSON problem into a 400 that names the field. */
    public static <T> T read(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw ApiException.badRequest(
                    "missing_body",
                    null,
                    "the request needs a JSON body: see GET /v1/openapi.json");
        }
        T value;
        try {
            value = MAPPER.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            String known =
                    e.getKnownPropertyIds().stream()
                            .map(String::valueOf)
                            .sorted()
                            .collect(Collectors.joining(", "));
            throw ApiException.badRequest(
                    "unknown_field",
                    e.getPropertyName(),
                    "unknown field '" + e.getPropertyName() + "': known fields are " + known);
        } catch (MismatchedInputException e) {
            String field = path(e);
            if (field.isEmpty()) {
                throw ApiException.badRequest(
                        "malformed_json",
                        null,
                        "the body must be one JSON object: " + brief(e.getOriginalMessage()));
            }
            throw ApiException.badRequest(
                    "invalid_field",
                    field,
                    "field '" + field + "' has the wrong type: " + brief(e.getOriginalMessage()));
        } catch (JsonMappingException e) {
            String field = path(e);
            // A number out of range names its field; a body cut short is malformed, wherever.
            boolean parse =
                    e.getCause() instanceof StreamReadException
                            && !(e.getCause() instanceof InputCoercionException);
            if (field.isEmpty() || parse) {
                throw ApiException.badRequest(
                        "malformed_json",
                        null,
                        (e.getLocation() == null
                                        ? "malformed JSON: "
                                        : "malformed JSON at line "
                                                + e.getLocation().getLineNr()
                                                + ", column "
                                                + e.getLocation().getColumnNr()
                                                + ": ")
                                + brief(e.getOriginalMessage()));
            }
            throw ApiException.badRequest(
                    "invalid_field",
                    field,
                    "field '" + field + "' cannot be read: " + brief(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(
                    "malformed_json",
                    null,
                    "malformed JSON at line "
                            + e.getLocation().getLineNr()
                            + ", column "
                            + e.getLocation().getColumnNr()
                            + ": "
                            + brief(e.getOriginalMessage()));
        } catch (IOException e) {
            throw ApiException.badRequest(
                    "unreadable_body", null, "cannot read the body: " + e.getMessage());
        }
        if (value == null) {
            throw ApiException.badRequest(
                    "missing_body",
                    null,
                    "the body is JSON null: send one JSON object, see GET /v1/openapi.json");
        }
        return value;
    }

    /** Jackson's first line, without its note on where the parser's source came from. */
    private static String brief(String message) {
        String line = message.split("\n")[0];
        int source = line.indexOf(" (start marker at");
        return source < 0 ? line : line.substring(0, source);
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass(), e);
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
