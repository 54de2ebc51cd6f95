package io.flotilla.common;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * One setting, declared once with its type, default and description; command lines, help texts and
 * the tables in docs/configuration.md are all derived from these declarations.
 */
public record Setting<T>(
        String name, String type, T defaultValue, String description, Function<String, T> parser) {

    /** An integer setting that must lie in {@code [min, max]}. */
    public static Setting<Integer> integer(
            String name, int defaultValue, int min, int max, String description) {
        return new Setting<>(
                name,
                "int",
                defaultValue,
                description,
                raw -> {
                    long value;
                    try {
                        value = Long.parseLong(raw.trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(
                                "--" + name + " must be a whole number, got '" + raw + "'");
                    }
                    if (value < min || value > max) {
                        throw new IllegalArgumentException(
                                "--"
                                        + name
                                        + " must be between "
                                        + min
                                        + " and "
                                        + max
                                        + ", got "
                                        + value);
                    }
                    return (int) value;
                });
    }

    /** A size in bytes, written as {@code 256m}, {@code 1g} or a plain number of bytes. */
    public static Setting<Long> bytes(String name, long defaultValue, String description) {
        return new Setting<>(
                name,
                "bytes",
                defaultValue,
                description,
                raw -> {
                    String v = raw.trim().toLowerCase();
                    long unit = 1;
                    if (v.endsWith("k") || v.endsWith("m") || v.endsWith("g")) {
                        unit =
                                switch (v.charAt(v.length() - 1)) {
                                    case 'k' -> 1L << 10;
                                    case 'm' -> 1L << 20;
                                    default -> 1L << 30;
                                };
                        v = v.substring(0, v.length() - 1);
                    }
                    try {
                        long n = Long.parseLong(v);
                        if (n <= 0) {
                            throw new NumberFormatException();
                        }
                        return n * unit;
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(
                                "--"
                                        + name
                                        + " must be a positive size such as 256m or 1g, got '"
                                        + raw
                                        + "'");
                    }
                });
    }

    /**
     * A duration in ISO-8601 ({@code PT30S}) or short form ({@code 30s}, {@code 5m}, {@code 2h}).
     */
    public static Setting<Duration> duration(
            String name, Duration defaultValue, String description) {
        return new Setting<>(
                name, "duration", defaultValue, description, raw -> parseDuration(name, raw));
    }

    /** A boolean setting, written {@code true} or {@code false}. */
    public static Setting<Boolean> bool(String name, boolean defaultValue, String description) {
        return new Setting<>(
                name,
                "boolean",
                defaultValue,
                description,
                raw ->
                        switch (raw.trim().toLowerCase()) {
                            case "true" -> true;
                            case "false" -> false;
                            default ->
                                    throw new IllegalArgumentException(
                                            "--"
                                                    + name
                                                    + " must be true or false, got '"
                                                    + raw
                                                    + "'");
                        });
    }

    /** A free-form string setting; an empty default means "not set". */
    public static Setting<String> string(String name, String defaultValue, String description) {
        return new Setting<>(name, "string", defaultValue, description, raw -> raw);
    }

    /** A comma-separated list of strings; blanks are dropped. */
    public static Setting<List<String>> list(
            String name, List<String> defaultValue, String description) {
        return new Setting<>(
                name,
                "list",
                defaultValue,
                description,
                raw ->
                        Arrays.stream(raw.split(","))
                                .map(String::trim)
                                .filter(s -> !s.isEmpty())
                                .toList());
    }

    /** Parses a raw value given on the command line or in the environment. */
    public T parse(String raw) {
        return parser.apply(raw);
    }

    /** The environment variable that can carry this setting: {@code PREFIX_NAME}. */
    public String environmentVariable(String prefix) {
        return prefix + "_" + name.toUpperCase().replace('-', '_');
    }

    static Duration parseDuration(String name, String raw) {
        String v = raw.trim();
        try {
            if (v.toUpperCase().startsWith("P")) {
                return Duration.parse(v.toUpperCase());
            }
            long n = Long.parseLong(v.substring(0, v.length() - 1));
            return switch (v.charAt(v.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException
                | DateTimeParseException
                | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException(
                    "--"
                            + name
                            + " must be a duration such as 30s, 5m, 2h, 7d or PT30S, got '"
                            + raw
                            + "'");
        }
    }
}
