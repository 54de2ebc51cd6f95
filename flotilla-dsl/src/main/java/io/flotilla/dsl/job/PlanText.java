package io.flotilla.dsl.job;

/** Cuts sections out of Flink's plan explanations. */
public final class PlanText {

    private PlanText() {}

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
