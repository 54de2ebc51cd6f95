package io.flotilla.supervisor.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Flink release number, compared numerically by major, minor and patch; parts left out are 0, so
 * {@code 2.1} is {@code 2.1.0}.
 */
public record FlinkVersion(int major, int minor, int patch) implements Comparable<FlinkVersion> {

    private static final Pattern STRICT =
            Pattern.compile("(\\d{1,6})(?:\\.(\\d{1,6}))?(?:\\.(\\d{1,6}))?");

    // What a cluster reports may carry a suffix: "2.1-SNAPSHOT", "2.0.0-rc1".
    private static final Pattern REPORTED =
            Pattern.compile("(\\d{1,6})(?:\\.(\\d{1,6}))?(?:\\.(\\d{1,6}))?(?:[-+.].*)?");

    public FlinkVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException(
                    "a Flink version has no negative parts, got "
                            + major
                            + "."
                            + minor
                            + "."
                            + patch);
        }
    }

    /**
     * {@code major[.minor[.patch]]}, digits only.
     *
     * @throws IllegalArgumentException naming {@code text} when it is not one
     */
    public static FlinkVersion parse(String text) {
        Matcher m = STRICT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a version: write major[.minor[.patch]], e.g. 2.0.0");
        }
        return of(m);
    }

    /** The version a cluster reports (suffixes such as {@code -SNAPSHOT} ignored), or null. */
    public static FlinkVersion reported(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = REPORTED.matcher(text.strip());
        return m.matches() ? of(m) : null;
    }

    private static FlinkVersion of(Matcher m) {
        return new FlinkVersion(part(m.group(1)), part(m.group(2)), part(m.group(3)));
    }

    private static int part(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    /** The first version of the next minor release: {@code 2.2.5} gives {@code 2.3.0}. */
    FlinkVersion nextMinor() {
        return new FlinkVersion(major, minor + 1, 0);
    }

    /** The first version of the next major release: {@code 2.2.5} gives {@code 3.0.0}. */
    FlinkVersion nextMajor() {
        return new FlinkVersion(major + 1, 0, 0);
    }

    @Override
    public int compareTo(FlinkVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c == 0 ? Integer.compare(patch, o.patch) : c;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
