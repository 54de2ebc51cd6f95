package io.flotilla.supervisor.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The Flink versions a deployment may run on, written as comparisons that must all hold: {@code
 * >=2.0 <2.3}, {@code >=2.1}, {@code 2.2.x} (any 2.2 patch), {@code 2.0.0} (exactly). Versions
 * compare numerically by major.minor.patch, parts left out being 0. Operators rather than Maven's
 * {@code [2.0,2.3)} because a data engineer reads {@code >=} and {@code <} at a glance, whereas a
 * bracket's open or closed end is easy to get backwards.
 *
 * @param text the range as written, spaces collapsed
 * @param lower the lowest version allowed, or null for no lower bound
 * @param upper the highest version allowed, or null for no upper bound
 */
public record FlinkVersionRange(String text, Bound lower, Bound upper) {

    /** The grammar, shown in every refusal. */
    public static final String RULE =
            "must be a Flink version range: comparisons separated by spaces, all of which must"
                    + " hold, each an operator (>=, >, <=, <, =; none means =) and a version"
                    + " major[.minor[.patch]], or a wildcard such as 2.2.x; e.g. \">=2.0 <2.3\","
                    + " \">=2.1\", \"2.2.x\" or \"2.0.0\"";

    /** One end of a range. */
    public record Bound(FlinkVersion version, boolean inclusive) {}

    /**
     * The range {@code text} writes.
     *
     * @throws IllegalArgumentException saying what is wrong, the rule and an example, when it is no
     *     range or a range no version is in
     */
    public static FlinkVersionRange parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(RULE + "; got an empty one (leave it out for any)");
        }
        List<String> terms = terms(text.strip().split("\\s+"));
        Bound lower = null;
        Bound upper = null;
        for (String term : terms) {
            Bound[] bounds = bounds(term);
            lower = tighter(lower, bounds[0], 1);
            upper = tighter(upper, bounds[1], -1);
        }
        FlinkVersionRange range = new FlinkVersionRange(String.join(" ", terms), lower, upper);
        if (lower != null && upper != null) {
            int c = lower.version().compareTo(upper.version());
            if (c > 0 || c == 0 && !(lower.inclusive() && upper.inclusive())) {
                throw new IllegalArgumentException(
                        "must match some version, but '"
                                + range.text()
                                + "' has its lower end above its upper end; e.g. \">=2.0 <2.3\"");
            }
        }
        return range;
    }

    /** Joins an operator written apart from its version ({@code ">= 2.0"}) to it. */
    private static List<String> terms(String[] words) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (w.matches("[<>]=?|=") && i + 1 < words.length) {
                w = w + words[++i];
            }
            out.add(w);
        }
        return out;
    }

    /** {lower, upper} of one comparison; either may be null. */
    private static Bound[] bounds(String term) {
        String op = term.replaceFirst("^([<>]=?|=)?.*$", "$1");
        String rest = term.substring(op.length());
        String problem = "'" + term + "' is no comparison";
        try {
            if (rest.matches("\\d+(\\.\\d+)?\\.[xX*]")) {
                if (!op.isEmpty() && !op.equals("=")) {
                    throw new IllegalArgumentException("a wildcard takes no operator");
                }
                String prefix = rest.substring(0, rest.length() - 2);
                FlinkVersion from = FlinkVersion.parse(prefix);
                FlinkVersion to = prefix.contains(".") ? from.nextMinor() : from.nextMajor();
                return new Bound[] {new Bound(from, true), new Bound(to, false)};
            }
            FlinkVersion v = FlinkVersion.parse(rest);
            switch (op) {
                case ">=":
                    return new Bound[] {new Bound(v, true), null};
                case ">":
                    return new Bound[] {new Bound(v, false), null};
                case "<=":
                    return new Bound[] {null, new Bound(v, true)};
                case "<":
                    return new Bound[] {null, new Bound(v, false)};
                default:
                    return new Bound[] {new Bound(v, true), new Bound(v, true)};
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(RULE + "; " + problem + ": " + e.getMessage(), e);
        }
    }

    /** The narrower of two lower ({@code sign} 1) or upper ({@code sign} -1) bounds. */
    private static Bound tighter(Bound a, Bound b, int sign) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        int c = a.version().compareTo(b.version()) * sign;
        if (c != 0) {
            return c > 0 ? a : b;
        }
        return a.inclusive() ? b : a;
    }

    /** Whether {@code v} is in the range. */
    public boolean contains(FlinkVersion v) {
        return (lower == null || above(v, lower)) && (upper == null || above(upper, v));
    }

    private static boolean above(FlinkVersion v, Bound b) {
        int c = v.compareTo(b.version());
        return c > 0 || c == 0 && b.inclusive();
    }

    private static boolean above(Bound b, FlinkVersion v) {
        int c = b.version().compareTo(v);
        return c > 0 || c == 0 && b.inclusive();
    }

    @Override
    public String toString() {
        return text;
    }
}
