package io.flotilla.dsl;

/**
 * Bad job or table input: the message names where (file/line/column, job, statement), the rule and
 * the fix.
 */
public final class DslException extends RuntimeException {

    public DslException(String message) {
        super(message);
    }

    public DslException(String message, Throwable cause) {
        super(message, cause);
    }
}
