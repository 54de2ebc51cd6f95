package io.flotilla.sidecar.flink;

/** A Flink REST call failed; {@code status} is the HTTP status, or 0 when no answer came. */
public final class FlinkRestException extends RuntimeException {

    private final int status;

    public FlinkRestException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** True when the JobManager answered 404 (unknown job, jar or trigger). */
    public boolean notFound() {
        return status == 404;
    }
}
