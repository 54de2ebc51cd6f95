package io.flotilla.http;

/**
 * A request the sidecar refuses or cannot serve: an HTTP status, a stable machine-readable code, a
 * message naming the field, the rule and the fix, and an optional detail body.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;
    private final transient Object detail;

    public ApiException(int status, String code, String message) {
        this(status, code, message, null, null);
    }

    public ApiException(int status, String code, String message, String field, Object detail) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
        this.detail = detail;
    }

    public static ApiException badRequest(String code, String field, String message) {
        return new ApiException(400, code, message, field, null);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public Object detail() {
        return detail;
    }
}
