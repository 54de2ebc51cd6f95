package io.flotilla.sidecar.jobs;

import io.flotilla.http.ApiException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a sidecar accepts in a submission besides the artifact: the entry class, the parallelism and
 * the arguments. Shared with the supervisor, which refuses the same before storing a spec.
 */
public final class SubmitRules {

    /** The highest parallelism a submission may ask for. */
    public static final int MAX_PARALLELISM = 1024;

    /** The most arguments a job may get, and the longest one. */
    public static final int MAX_ARGS = 200;

    public static final int MAX_ARG_LENGTH = 8192;

    private static final Pattern CLASS_NAME =
            Pattern.compile("([A-Za-z_$][A-Za-z0-9_$]*\\.)*[A-Za-z_$][A-Za-z0-9_$]*");

    private SubmitRules() {}

    /** A fully qualified Java class name, at most 255 characters. */
    public static String entryClass(String field, String value) {
        if (value == null || value.length() > 255 || !CLASS_NAME.matcher(value).matches()) {
            throw ApiException.badRequest(
                    "invalid_field",
                    field,
                    "field '"
                            + field
                            + "' must be a fully qualified Java class name such as com.example.MyJob, got '"
                            + value
                            + "'");
        }
        return value;
    }

    /** Between 1 and {@link #MAX_PARALLELISM}. */
    public static int parallelism(String field, int value) {
        if (value < 1 || value > MAX_PARALLELISM) {
            throw ApiException.badRequest(
                    "invalid_field",
                    field,
                    "field '"
                            + field
                            + "' must be between 1 and "
                            + MAX_PARALLELISM
                            + ", got "
                            + value);
        }
        return value;
    }

    /** At most {@link #MAX_ARGS} non-null strings of at most {@link #MAX_ARG_LENGTH} characters. */
    public static List<String> args(String field, List<String> args) {
        if (args != null
                && (args.size() > MAX_ARGS
                        || args.stream()
                                .anyMatch(
                                        a ->
                                                a == null
                                                        || a.length() > MAX_ARG_LENGTH
                                                        || a.indexOf('\0') >= 0))) {
            throw ApiException.badRequest(
                    "invalid_field",
                    field,
                    "field '"
                            + field
                            + "' must be at most "
                            + MAX_ARGS
                            + " non-null strings of at most "
                            + MAX_ARG_LENGTH
                            + " characters without NUL");
        }
        return args;
    }
}
