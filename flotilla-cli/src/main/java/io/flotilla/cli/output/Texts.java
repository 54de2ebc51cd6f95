package io.flotilla.cli.output;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Short forms for terminals: times, ages, sizes and state paths. */
public final class Texts {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private Texts() {}

    public static String time(Instant at) {
        return at == null ? "-" : TIME.format(at);
    }

    /** {@code 2026-12-01 14:03:07Z (5m ago)}. */
    public static String timeAgo(Instant at, Instant now) {
        return at == null ? "-" : time(at) + " (" + ago(at, now) + ")";
    }

    public static String ago(Instant at, Instant now) {
        if (at == null) {
            return "-";
        }
        long s = Math.max(0, Duration.between(at, now).toSeconds());
        if (s < 60) {
            return s + "s ago";
        }
        if (s < 3600) {
            return s / 60 + "m ago";
        }
        if (s < 86400) {
            return s / 3600 + "h ago";
        }
        return s / 86400 + "d ago";
    }

    public static String bytes(Long n) {
        if (n == null) {
            return "-";
        }
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format("%.1f KiB", n / 1024.0);
        }
        if (n < 1024L * 1024 * 1024) {
            return String.format("%.1f MiB", n / (1024.0 * 1024));
        }
        return String.format("%.1f GiB", n / (1024.0 * 1024 * 1024));
    }

    public static String orDash(Object o) {
        return o == null || o.toString().isEmpty() ? "-" : o.toString();
    }
}
