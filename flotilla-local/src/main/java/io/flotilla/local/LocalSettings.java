package io.flotilla.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Every setting of the local platform, and the parsing of {@code --name value} options. */
public final class LocalSettings {

    public static final Setting<String> HOME =
            Setting.string(
                    "home",
                    ".flotilla",
                    "Run folder: logs, Flink configs, S3 and PostgreSQL data, platform.json. Also"
                            + " FLOTILLA_HOME.");
    public static final Setting<Integer> CLUSTERS =
            Setting.integer("clusters", 2, 1, 16, "Number of Flink session clusters to start.");
    public static final Setting<Integer> SLOTS =
            Setting.integer("slots", 4, 1, 64, "Task slots of each cluster's TaskManager.");
    public static final Setting<String> JOBMANAGER_MEMORY =
            Setting.string("jobmanager-memory", "768m", "Process memory of each JobManager JVM.");
    public static final Setting<String> TASKMANAGER_MEMORY =
            Setting.string(
                    "taskmanager-memory", "1280m", "Process memory of each TaskManager JVM.");
    public static final Setting<Integer> S3_PORT =
            Setting.integer(
                    "s3-port",
                    0,
                    0,
                    65535,
                    "Port of the local S3 store (s3proxy); 0 picks a free one.");
    public static final Setting<String> S3_ENDPOINT =
            Setting.string(
                    "s3-endpoint",
                    "",
                    "Use this S3 endpoint instead of starting s3proxy, e.g. http://10.0.0.5:9000.");
    public static final Setting<String> S3_ACCESS_KEY =
            Setting.string(
                    "s3-access-key", "flotilla", "S3 access key. Also FLOTILLA_S3_ACCESS_KEY.");
    public static final Setting<String> S3_SECRET_KEY =
            Setting.string(
                    "s3-secret-key",
                    "flotilla-local-secret",
                    "S3 secret key; never logged. Also FLOTILLA_S3_SECRET_KEY.");
    public static final Setting<Integer> POSTGRES_PORT =
            Setting.integer(
                    "postgres-port",
                    0,
                    0,
                    65535,
                    "Port of the embedded PostgreSQL; 0 picks a free one.");
    public static final Setting<String> JDBC_URL =
            Setting.string(
                    "jdbc-url",
                    "",
                    "Use this PostgreSQL instead of the embedded one, e.g."
                            + " jdbc:postgresql://db:5432/flotilla. Also FLOTILLA_JDBC_URL.");
    public static final Setting<String> JDBC_USER =
            Setting.string(
                    "jdbc-user", "postgres", "User for --jdbc-url. Also FLOTILLA_JDBC_USER.");
    public static final Setting<String> JDBC_PASSWORD =
            Setting.string(
                    "jdbc-password",
                    "",
                    "Password for --jdbc-url; never logged. Also FLOTILLA_JDBC_PASSWORD.");

    public static final List<Setting<?>> ALL =
            List.of(
                    HOME,
                    CLUSTERS,
                    SLOTS,
                    JOBMANAGER_MEMORY,
                    TASKMANAGER_MEMORY,
                    S3_PORT,
                    S3_ENDPOINT,
                    S3_ACCESS_KEY,
                    S3_SECRET_KEY,
                    POSTGRES_PORT,
                    JDBC_URL,
                    JDBC_USER,
                    JDBC_PASSWORD);

    private final Map<String, String> raw;

    private LocalSettings(Map<String, String> raw) {
        this.raw = raw;
    }

    /**
     * Reads {@code --name value} pairs, then {@code FLOTILLA_NAME} environment variables, then
     * defaults. An unknown option or a bad value fails with the option's name and the fix.
     */
    public static LocalSettings parse(List<String> args, Map<String, String> env) {
        Map<String, String> raw = new LinkedHashMap<>();
        for (Setting<?> s : ALL) {
            String fromEnv = env.get("FLOTILLA_" + s.name().toUpperCase().replace('-', '_'));
            if (fromEnv != null && !fromEnv.isEmpty()) {
                raw.put(s.name(), fromEnv);
            }
        }
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name;
            String value;
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException(
                        "unexpected argument '" + arg + "': options look like --name value");
            }
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
            if (ALL.stream().noneMatch(s -> s.name().equals(name))) {
                throw new IllegalArgumentException(
                        "unknown option '--"
                                + name
                                + "': known options are "
                                + ALL.stream()
                                        .map(s -> "--" + s.name())
                                        .collect(Collectors.joining(", ")));
            }
            raw.put(name, value);
        }
        LocalSettings settings = new LocalSettings(raw);
        ALL.forEach(settings::get); // validate every value now, before anything starts
        return settings;
    }

    /** The value of a setting: given, from the environment, or its default. */
    public <T> T get(Setting<T> setting) {
        String value = raw.get(setting.name());
        return value == null ? setting.defaultValue() : setting.parse(value);
    }

    /** The settings as a Markdown table, for docs/configuration.md and {@code --help}. */
    public static String markdownTable() {
        StringBuilder out = new StringBuilder("| option | type | default | description |\n");
        out.append("| --- | --- | --- | --- |\n");
        for (Setting<?> s : ALL) {
            String def = String.valueOf(s.defaultValue());
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
