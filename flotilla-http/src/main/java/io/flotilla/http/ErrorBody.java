package io.flotilla.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of every error answer: {@code {"error": {"code", "message", "field"?}, "detail"?}}.
 *
 * @param detail what the service adds for this code (such as the state it refused to delete), or
 *     null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(Error error, JsonNode detail) {

    /**
     * A stable machine-readable code, a message naming the rule and the fix, the field at fault.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(String code, String message, String field) {}
}
