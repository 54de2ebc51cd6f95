package io.flotilla.dsl.job;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cuts sections out of Flink's plan explanations and compares plans written in different ways. */
public final class PlanText {

    private static final Pattern RENAMED = Pattern.compile("(EXPR\\$\\d+) AS (\\w+)");

    private PlanText() {}

    /**
     * {@code plan} with the names the Table API generates for aggregates ({@code EXPR$0}) replaced
     * by the names a later projection gives them, so that a Table API job and the same job in SQL
     * (which names aggregates directly) compare equal: the operators are the same, only a field
     * name differs. Each sink's tree (blocks separated by blank lines) is handled on its own.
     */
    public static String canonical(String plan) {
        StringBuilder out = new StringBuilder();
        for (String block : plan.split("\n\\s*\n")) {
            Map<String, String> names = new HashMap<>();
            Matcher m = RENAMED.matcher(block);
            while (m.find()) {
                names.put(m.group(1), m.group(2));
            }
            String b = block;
            for (Map.Entry<String, String> n : names.entrySet()) {
                String generated = Pattern.quote(n.getKey());
                b = b.replaceAll(generated + " AS " + n.getValue() + "\\b", n.getValue());
                b = b.replaceAll("AS " + generated + "(?![\\w$])", "AS " + n.getValue());
            }
            if (out.length() > 0) {
                out.append("\n\n");
            }
            out.append(b);
        }
        return out.toString();
    }

    /** The text under {@code header} up to the next {@code == ... ==} header, trimmed. */
    public static String section(String explain, String header) {
        int start = explain.indexOf(header);
        if (start < 0) {
            throw new IllegalArgumentException("no section '" + header + "' in the plan");
        }
        start += header.length();
        int end = explain.indexOf("\n== ", start);
        return (end < 0 ? explain.substring(start) : explain.substring(start, end)).strip();
    }
}
