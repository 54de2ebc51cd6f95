package io.flotilla.runner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runner's command line: {@code --sql <script> [--set name=value ...]}, or {@code --job <job>
 * [its arguments ...]} for a DSL job, whose arguments go to the DSL untouched.
 */
public record RunnerArgs(String sql, Map<String, String> vars, String job, List<String> jobArgs) {

    static final String USAGE =
            "usage: Runner --sql <classpath:path.sql | file.sql> [--set name=value ...]\n"
                    + "       Runner --job <job> [job arguments ...]";

    /** Parses the arguments; a bad one fails naming it, the rule and the usage. */
    public static RunnerArgs parse(List<String> args) {
        String sql = null;
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--job" -> {
                    if (sql != null || !vars.isEmpty()) {
                        throw bad("--job runs a DSL job and takes no --sql or --set");
                    }
                    String job = value(args, i, arg);
                    return new RunnerArgs(
                            null, Map.of(), job, List.copyOf(args.subList(i + 2, args.size())));
                }
                case "--sql" -> {
                    if (sql != null) {
                        throw bad("--sql is given twice; a run has one script");
                    }
                    sql = value(args, i, arg);
                    i++;
                }
                case "--set" -> {
                    String pair = value(args, i, arg);
                    i++;
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        throw bad(
                                "--set takes name=value, got '"
                                        + pair
                                        + "' (argument "
                                        + (i + 1)
                                        + ")");
                    }
                    String name = pair.substring(0, eq).trim();
                    if (!name.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
                        throw bad(
                                "--set name '"
                                        + name
                                        + "' must start with a letter or _ and hold only letters,"
                                        + " digits, _ . -");
                    }
                    vars.put(name, pair.substring(eq + 1));
                }
                default -> throw bad("unknown argument '" + arg + "' at position " + (i + 1));
            }
        }
        if (sql == null) {
            throw bad("nothing to run: give --sql or --job");
        }
        return new RunnerArgs(sql, Map.copyOf(vars), null, List.of());
    }

    private static String value(List<String> args, int i, String option) {
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
            throw bad(option + " needs a value");
        }
        return args.get(i + 1);
    }

    private static IllegalArgumentException bad(String message) {
        return new IllegalArgumentException(message + "\n" + USAGE);
    }
}
