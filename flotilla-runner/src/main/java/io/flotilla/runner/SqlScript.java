package io.flotilla.runner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SQL script: loaded from the classpath or a file, {@code ${name}} variables substituted, split
 * into statements at semicolons outside quotes and comments, each with the line it starts on.
 */
public final class SqlScript {

    /** One statement and the line of the script it starts on. */
    public record Statement(String sql, int line) {}

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private SqlScript() {}

    /** Reads {@code classpath:path} from this jar, or else a file. */
    public static String load(String location) {
        if (location.startsWith("classpath:")) {
            String path = location.substring("classpath:".length()).replaceFirst("^/", "");
            try (InputStream in = SqlScript.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalArgumentException(
                            "--sql " + location + ": no such resource in the runner jar");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("--sql " + location + ": " + e.getMessage(), e);
            }
        }
        try {
            return Files.readString(Path.of(location));
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "--sql " + location + ": cannot read the file (" + e + ")", e);
        }
    }

    /** Replaces every {@code ${name}}; an unset name fails with its line and the fix. */
    public static String substitute(String script, Map<String, String> vars) {
        Matcher m = VARIABLE.matcher(script);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = vars.get(name);
            if (value == null) {
                throw new IllegalArgumentException(
                        "line "
                                + lineOf(script, m.start())
                                + ": variable ${"
                                + name
                                + "} is not set: pass --set "
                                + name
                                + "=...");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The statements of {@code script}, without empty ones and without the final semicolons. */
    public static List<Statement> split(String script) {
        List<Statement> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int line = 1;
        int startLine = -1;
        char quote = 0;
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            if (quote == 0 && c == '-' && i + 1 < script.length() && script.charAt(i + 1) == '-') {
                while (i < script.length() && script.charAt(i) != '\n') {
                    i++;
                }
                if (i < script.length()) {
                    line++;
                    current.append('\n');
                }
                continue;
            }
            if (quote == 0 && c == ';') {
                add(statements, current, startLine);
                current.setLength(0);
                startLine = -1;
                continue;
            }
            if (quote == 0 && (c == '\'' || c == '"' || c == '`')) {
                quote = c;
            } else if (quote != 0 && c == quote) {
                quote = 0;
            }
            if (startLine < 0 && !Character.isWhitespace(c)) {
                startLine = line;
            }
            if (c == '\n') {
                line++;
            }
            current.append(c);
        }
        if (quote != 0) {
            throw new IllegalArgumentException(
                    "line " + startLine + ": unterminated " + quote + " quote in the statement");
        }
        add(statements, current, startLine);
        return statements;
    }

    private static void add(List<Statement> statements, StringBuilder sql, int line) {
        String text = sql.toString().strip();
        if (!text.isEmpty()) {
            statements.add(new Statement(text, line));
        }
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
