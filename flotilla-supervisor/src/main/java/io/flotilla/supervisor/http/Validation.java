package io.flotilla.supervisor.http;

import io.flotilla.common.Setting;
import io.flotilla.http.ApiException;
import io.flotilla.supervisor.api.LineageTable;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/** Checks of the API's input; each failure is a 400 naming the field, the rule and the fix. */
final class Validation {

    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}");

    private Validation() {}

    static String name(String field, String value) {
        return matching(
                field,
                value,
                NAME,
                v ->
                        "'"
                                + v
                                + "' is not a valid name: use 1-63 lower-case letters, digits and '-', starting with a letter or digit");
    }

    static String sha256(String field, String value) {
        return matching(
                field,
                value,
                SHA256,
                v ->
                        "must be 64 lower-case hex digits (the artifact's SHA-256, e.g. from 'sha256sum job.jar'), got "
                                + v.length()
                                + " characters");
    }

    static String version(String field, String value) {
        return matching(
                field,
                value,
                VERSION,
                v ->
                        "'"
                                + v
                                + "' is not a valid version: use up to 64 letters, digits, '.', '_', '+' and '-'");
    }

    /** A required value that must match {@code pattern}; {@code rule} words the failure. */
    private static String matching(
            String field, String value, Pattern pattern, UnaryOperator<String> rule) {
        required(field, value);
        if (!pattern.matcher(value).matches()) {
            throw invalid(field, rule.apply(value));
        }
        return value;
    }

    static String s3Uri(String field, String value) {
        required(field, value);
        if (!value.startsWith("s3://") || value.length() <= 5) {
            throw invalid(field, "must be an s3:// URI, e.g. s3://flotilla-artifacts/orders/1.jar");
        }
        return value;
    }

    static String url(String field, String value) {
        required(field, value);
        if (!value.startsWith("http://") && !value.startsWith("https://")) {
            throw invalid(field, "must be an http:// or https:// URL, e.g. http://10.0.0.5:8100");
        }
        return value;
    }

    static String tokenRef(String field, String value) {
        required(field, value);
        if (!value.matches("env:[A-Za-z_][A-Za-z0-9_]*") && !value.matches("file:.+")) {
            throw invalid(
                    field,
                    "must say where the sidecar's token is, not the token: env:VARIABLE or file:/path/to/token");
        }
        return value;
    }

    static int atLeast(String field, Integer value, int min) {
        if (value == null) {
            throw missing(field);
        }
        if (value < min) {
            throw invalid(field, "must be at least " + min + ", got " + value);
        }
        return value;
    }

    static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type) {
        required(field, value);
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(
                    field,
                    "'"
                            + value
                            + "' is not one of "
                            + Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        }
    }

    static Duration duration(String field, String value) {
        try {
            return Setting.duration(field, Duration.ZERO, "").parse(value);
        } catch (IllegalArgumentException e) {
            throw invalid(field, e.getMessage().replace("--" + field, field));
        }
    }

    static List<LineageTable> tables(String field, List<LineageTable> values) {
        if (values == null) {
            throw missing(field);
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null
                    || values.get(i).name() == null
                    || values.get(i).name().isBlank()) {
                throw invalid(field + "[" + i + "].name", "must be a non-empty table name");
            }
        }
        return values;
    }

    static void required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw missing(field);
        }
    }

    static ApiException missing(String field) {
        return ApiException.badRequest(
                "missing_field",
                field,
                "field '" + field + "' is required: see GET /v1/openapi.json");
    }

    static ApiException invalid(String field, String rule) {
        return ApiException.badRequest("invalid_field", field, "field '" + field + "' " + rule);
    }
}
