package io.flotilla.sidecar.flink;

/** A Flink REST call failed; {@code status} is the HTTP status, or 0 when no answer came. */
public final class FlinkRestException extends RuntimeException {

    private final int status;

    public FlinkRestException(int status, String message, Throwable cause) {
        super(summarize(message), cause);
        this.status = status;
    }

    /**
     * Flink answers errors with the server-side stack trace as the message; callers need its first
     * line and its root cause, never the trace.
     */
    public static String summarize(String message) {
        if (message == null) {
            return "no message";
        }
        String[] lines = message.replace("[", "").replace("]", "").split("\\R");
        String first = lines[0].trim();
        String root = null;
        for (String line : lines) {
            if (line.startsWith("Caused by: ")) {
                root = line.substring("Caused by: ".length()).trim();
            }
        }
        return root == null || root.equals(first) ? first : first + " (cause: " + root + ")";
    }

    public int status() {
        return status;
    }

    /** True when the JobManager answered 404 (unknown job, jar or trigger). */
    public boolean notFound() {
        return status == 404;
    }
}
