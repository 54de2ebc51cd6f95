package io.flotilla.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.stream.Collectors;

/** The sidecar's JSON: strict on input (unknown fields refused), ISO times on output. */
public final class Json {

    public static final ObjectMapper MAPPER =
            new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Json() {}

    /** Reads a request body, turning every JSON problem into a 400 that names the field. */
    public static <T> T read(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw ApiException.badRequest(
                    "missing_body",
                    null,
                    "the request needs a JSON body: see GET /v1/openapi.json");
        }
        try {
            return MAPPER.readValue(body, type);
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

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
