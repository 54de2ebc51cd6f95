package io.flotilla.supervisor.http;

import io.flotilla.http.ApiException;
import io.flotilla.sidecar.artifacts.ArtifactPolicy;
import io.flotilla.sidecar.jobs.SubmitRules;
import io.flotilla.supervisor.api.Lineage;
import io.flotilla.supervisor.api.LineageTable;
import io.flotilla.supervisor.model.FlinkVersionRange;
import java.util.ArrayList;
import java.util.List;

/**
 * What a spec may hold: the sidecar's own rules (trusted artifact locations, Java class names,
 * parallelism and argument limits), applied before anything is stored, so that no spec is accepted
 * that no cluster would ever run; and printable text everywhere else.
 */
public final class SpecRules {

    /** The longest free text (a module, a lineage location) accepted. */
    static final int MAX_TEXT = 512;

    private final ArtifactPolicy artifacts;

    /**
     * @param s3Prefixes the trusted S3 locations of job jars, as the sidecars' {@code
     *     --artifact-s3-prefixes}
     * @param httpsHosts the trusted https hosts of job jars, as the sidecars' {@code
     *     --artifact-https-hosts}
     */
    public SpecRules(List<String> s3Prefixes, List<String> httpsHosts) {
        this.artifacts = new ArtifactPolicy(s3Prefixes, httpsHosts);
    }

    /** The sidecars' default trusted location, {@code s3://flotilla-artifacts/}. */
    public static SpecRules defaults() {
        return new SpecRules(List.of("s3://flotilla-artifacts/"), List.of());
    }

    /** A jar the sidecars trust: under a trusted prefix, no traversal, ending in {@code .jar}. */
    String artifactUri(String field, String value) {
        Validation.required(field, value);
        try {
            artifacts.check(value);
        } catch (ApiException e) {
            throw Validation.invalid(field, e.getMessage().replace("artifact.uri", "").trim());
        }
        return value;
    }

    static String entryClass(String field, String value) {
        Validation.required(field, value);
        return SubmitRules.entryClass(field, value);
    }

    static int parallelism(String field, Integer value) {
        if (value == null) {
            throw Validation.missing(field);
        }
        return SubmitRules.parallelism(field, value);
    }

    /**
     * A Flink version range as {@link FlinkVersionRange} reads it, or null for {@code "*"} (any
     * version: how a change removes a range).
     */
    static String flinkVersion(String field, String value) {
        optionalText(field, value);
        if (value.strip().equals("*")) {
            return null;
        }
        try {
            return FlinkVersionRange.parse(value).text();
        } catch (IllegalArgumentException e) {
            throw Validation.invalid(
                    field, e.getMessage() + " (or \"*\" for any version, the default)");
        }
    }

    static List<String> args(String field, List<String> args) {
        return args == null ? List.of() : List.copyOf(SubmitRules.args(field, args));
    }

    /** Free text: 1 to {@value #MAX_TEXT} characters, none of them a control character. */
    static String text(String field, String value) {
        Validation.required(field, value);
        return optionalText(field, value);
    }

    static String optionalText(String field, String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw Validation.invalid(
                    field, "must be at most " + MAX_TEXT + " characters, got " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c) && !validPair(value, i)) {
                throw Validation.invalid(
                        field,
                        "must be printable text: character "
                                + i
                                + " is U+"
                                + String.format("%04X", (int) c)
                                + "; remove it");
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        return value;
    }

    private static boolean validPair(String s, int i) {
        return Character.isHighSurrogate(s.charAt(i))
                && i + 1 < s.length()
                && Character.isLowSurrogate(s.charAt(i + 1));
    }

    /** A savepoint or checkpoint to start from: an s3:// path without traversal. */
    static String statePath(String field, String value) {
        Validation.s3Uri(field, value);
        optionalText(field, value);
        for (String segment : value.substring(5).split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                throw Validation.invalid(field, "must not contain '.' or '..' path segments");
            }
        }
        if (value.contains(" ") || value.contains("\\")) {
            throw Validation.invalid(field, "must not contain spaces or backslashes");
        }
        return value;
    }

    /** A lineage document with every table named and every text printable. */
    static Lineage lineage(Lineage b) {
        return new Lineage(
                optionalText("job", b.job()),
                optionalText("declaredBy", b.declaredBy()),
                tables("reads", b.reads()),
                tables("writes", b.writes()),
                plan(b.plan()));
    }

    /** A compiled plan is JSON text; its content is checked when a release compares it. */
    private static String plan(String plan) {
        if (plan == null) {
            return null;
        }
        if (!plan.strip().startsWith("{")) {
            throw Validation.invalid(
                    "lineage.plan",
                    "must be a compiled plan (the JSON of CompiledPlan.asJsonString()), got text"
                            + " starting '"
                            + plan.strip().substring(0, Math.min(20, plan.strip().length()))
                            + "'");
        }
        return plan;
    }

    private static List<LineageTable> tables(String field, List<LineageTable> tables) {
        Validation.tables(field, tables);
        if (tables.size() > 1000) {
            throw Validation.invalid(field, "must list at most 1000 tables, got " + tables.size());
        }
        List<LineageTable> out = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            LineageTable t = tables.get(i);
            String at = field + "[" + i + "].";
            out.add(
                    new LineageTable(
                            text(at + "name", t.name()),
                            optionalText(at + "connector", t.connector()),
                            optionalText(at + "location", t.location()),
                            optionalText(at + "format", t.format()),
                            optionalText(at + "owner", t.owner()),
                            optionalText(at + "declaredBy", t.declaredBy())));
        }
        return out;
    }
}
