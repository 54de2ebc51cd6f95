package io.flotilla.dsl.job;

import io.flotilla.dsl.DslException;
import java.util.function.Supplier;
import org.apache.flink.table.api.SqlParserException;
import org.apache.flink.table.api.TableException;
import org.apache.flink.table.api.ValidationException;

/** Turns Flink's planning errors into messages that name the job, the statement and the cause. */
final class Errors {

    private Errors() {}

    /**
     * Runs a planning step of {@code job}; a failure names the job and, if found, the statement.
     */
    static <T> T planning(BuiltJob job, Supplier<T> step) {
        try {
            return step.get();
        } catch (ValidationException | TableException | SqlParserException e) {
            String statement = culprit(job);
            throw new DslException(
                    "job '"
                            + job.name()
                            + "' ("
                            + job.declaredBy()
                            + ")"
                            + (statement == null ? "" : ", " + statement)
                            + ": "
                            + causes(e),
                    e);
        }
    }

    /** All distinct messages of the cause chain, outermost first, on one line. */
    static String causes(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : clean(t.getMessage());
            if (!m.isEmpty() && out.indexOf(m) < 0) {
                out.append(out.length() > 0 ? " | " : "").append(m);
            }
        }
        return out.toString();
    }

    // Flink repeats its prefix and lists every token the parser would have taken: keep the cause.
    private static String clean(String message) {
        return message.strip()
                .replaceAll("\\s*\\n\\s*", " ")
                .replaceAll("(SQL validation failed\\. )+", "$1")
                .replaceAll("\\s*Was expecting(?: one of)?:.*$", "");
    }

    /** Which INSERT fails when planned alone, so a message can point at it; null if none does. */
    private static String culprit(BuiltJob job) {
        for (JobContext.Insert insert : job.inserts()) {
            try {
                insert.explainAlone().run();
            } catch (RuntimeException e) {
                return insert.label();
            }
        }
        return null;
    }
}
