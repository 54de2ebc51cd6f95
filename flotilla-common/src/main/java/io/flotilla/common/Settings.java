package io.flotilla.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Values for a declared list of settings, read from {@code --name value} options, then {@code
 * PREFIX_NAME} environment variables, then defaults. Every value is checked when parsed, so a bad
 * one stops a process before it starts anything.
 */
public final class Settings {

    private final List<Setting<?>> declared;
    private final Map<String, String> raw;

    private Settings(List<Setting<?>> declared, Map<String, String> raw) {
        this.declared = declared;
        this.raw = raw;
    }

    /**
     * Parses {@code args} against {@code declared}; fails naming the option, the rule and the fix.
     */
    public static Settings parse(
            List<Setting<?>> declared,
            String envPrefix,
            List<String> args,
            Map<String, String> env) {
        Map<String, String> raw = new LinkedHashMap<>();
        for (Setting<?> s : declared) {
            String fromEnv = env.get(s.environmentVariable(envPrefix));
            if (fromEnv != null && !fromEnv.isEmpty()) {
                raw.put(s.name(), fromEnv);
            }
        }
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException(
                        "unexpected argument '" + arg + "': options look like --name value");
            }
            String name;
            String value;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(2, eq);
                value = arg.substring(eq + 1);
            } else {
                name = arg.substring(2);
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("option --" + name + " needs a value");
                }
                value = args.get(++i);
            }
            if (declared.stream().noneMatch(s -> s.name().equals(name))) {
                throw new IllegalArgumentException(
                        "unknown option '--"
                                + name
                                + "': known options are "
                                + declared.stream()
                                        .map(s -> "--" + s.name())
                                        .collect(Collectors.joining(", ")));
            }
            raw.put(name, value);
        }
        Settings settings = new Settings(declared, raw);
        declared.forEach(settings::get);
        return settings;
    }

    /** The value of a setting: given, from the environment, or its default. */
    public <T> T get(Setting<T> setting) {
        if (!declared.contains(setting)) {
            throw new IllegalArgumentException(
                    "setting --" + setting.name() + " is not declared here");
        }
        String value = raw.get(setting.name());
        return value == null ? setting.defaultValue() : setting.parse(value);
    }

    /** The declared settings as a Markdown table: option, type, default, description. */
    public static String markdownTable(List<Setting<?>> declared) {
        StringBuilder out = new StringBuilder("| option | type | default | description |\n");
        out.append("| --- | --- | --- | --- |\n");
        for (Setting<?> s : declared) {
            String def =
                    s.defaultValue() instanceof List<?> l
                            ? String.join(",", l.stream().map(String::valueOf).toList())
                            : String.valueOf(s.defaultValue());
            out.append("| `--")
                    .append(s.name())
                    .append("` | ")
                    .append(s.type())
                    .append(" | ")
                    .append(def.isEmpty() ? "(none)" : "`" + def + "`")
                    .append(" | ")
                    .append(s.description())
                    .append(" |\n");
        }
        return out.toString();
    }
}
