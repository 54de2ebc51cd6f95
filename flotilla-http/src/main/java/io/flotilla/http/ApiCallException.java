package io.flotilla.http;

import com.fasterxml.jackson.databind.JsonNode;

/** A service answered a typed client's call with an error: its status, code, field and message. */
public class ApiCallException extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;
    private final transient JsonNode detail;

    public ApiCallException(
            int status, String code, String field, String message, JsonNode detail) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    /** The service's stable error code, such as {@code no_such_deployment}. */
    public String code() {
        return code;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }

    /** The service's detail for this code, or null. */
    public JsonNode detail() {
        return detail;
    }

    @Override
    public String toString() {
        return "HTTP "
                + status
                + " "
                + code
                + (field == null ? "" : " (" + field + ")")
                + ": "
                + getMessage();
    }
}
