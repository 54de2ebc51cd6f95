package io.flotilla.local;

import java.util.function.Function;

/**
 * One setting, declared once with its type, default and description; the CLI, the help text and
 * docs/configuration.md are all derived from these declarations.
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
                    int value;
                    try {
                        value = Integer.parseInt(raw.trim());
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
                    return value;
                });
    }

    /** A free-form string setting; an empty default means "not set". */
    public static Setting<String> string(String name, String defaultValue, String description) {
        return new Setting<>(name, "string", defaultValue, description, raw -> raw);
    }

    /** Parses a raw value given on the command line or in the environment. */
    public T parse(String raw) {
        return parser.apply(raw);
    }
}
