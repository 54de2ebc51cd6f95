package io.flotilla.dsl.job;

import io.flotilla.dsl.DslException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A job's own arguments ({@code --window-seconds 10}), over the defaults the job declares. */
public record JobConfig(Map<String, String> values) {

    public JobConfig {
        values = Map.copyOf(values);
    }

    public static JobConfig empty() {
        return new JobConfig(Map.of());
    }

    /** Parses {@code --key value} and {@code --key=value} pairs. */
    public static JobConfig parse(List<String> args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new DslException(
                        "job argument "
                                + (i + 1)
                                + " '"
                                + arg
                                + "' is not an option: job arguments look like --name value");
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                values.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (i + 1 < args.size()) {
                values.put(arg.substring(2), args.get(++i));
            } else {
                throw new DslException("job argument " + arg + " needs a value");
            }
        }
        return new JobConfig(values);
    }

    /** These values over {@code defaults}. */
    public JobConfig withDefaults(Map<String, String> defaults) {
        Map<String, String> merged = new LinkedHashMap<>(defaults);
        merged.putAll(values);
        return new JobConfig(merged);
    }

    public String getString(String key, String defaultValue) {
        return values.getOrDefault(key, defaultValue);
    }

    public long getLong(String key, long defaultValue) {
        String raw = values.get(key);
        if (raw == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new DslException(
                    "job argument --" + key + " must be a whole number, got '" + raw + "'");
        }
    }

    public int getInt(String key, int defaultValue) {
        return Math.toIntExact(getLong(key, defaultValue));
    }
}
