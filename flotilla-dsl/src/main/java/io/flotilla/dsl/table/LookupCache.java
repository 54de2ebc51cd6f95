package io.flotilla.dsl.table;

import io.flotilla.dsl.DslException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.util.TimeUtils;

/**
 * How a lookup table caches the rows a lookup join fetched: no cache, or a partial cache of at most
 * {@code maxRows} rows that expire after a write or an access; Flink's {@code lookup.*} options.
 *
 * @param maxRetries how often a failed lookup query is retried, null for Flink's default (3)
 */
public record LookupCache(
        Mode mode,
        Long maxRows,
        Duration expireAfterWrite,
        Duration expireAfterAccess,
        Boolean cacheMissingKey,
        Integer maxRetries) {

    /** Flink's cache types that a JDBC lookup table can use. */
    public enum Mode {
        /** Every lookup queries the database. */
        NONE,
        /** Rows once fetched are kept, bounded by rows and expiry. */
        PARTIAL;

        /** The mode called {@code text} (case-insensitive); {@code field} names it in errors. */
        static Mode parse(String text, String field) {
            for (Mode m : values()) {
                if (m.name().equalsIgnoreCase(text.strip())) {
                    return m;
                }
            }
            throw new DslException(
                    field + ": '" + text + "' is not a cache mode; use partial or none");
        }
    }

    /** No cache: every row of the stream is looked up in the database. */
    public static LookupCache none() {
        return new LookupCache(Mode.NONE, null, null, null, null, null);
    }

    /**
     * A partial cache of at most {@code maxRows} rows; give it an expiry ({@link
     * #expireAfterWrite(Duration)} or {@link #expireAfterAccess(Duration)}).
     */
    public static LookupCache partial(long maxRows) {
        return new LookupCache(Mode.PARTIAL, maxRows, null, null, null, null);
    }

    public LookupCache expireAfterWrite(Duration after) {
        return new LookupCache(
                mode, maxRows, after, expireAfterAccess, cacheMissingKey, maxRetries);
    }

    public LookupCache expireAfterAccess(Duration after) {
        return new LookupCache(mode, maxRows, expireAfterWrite, after, cacheMissingKey, maxRetries);
    }

    /** Whether a key the database does not have is cached as missing (Flink's default: true). */
    public LookupCache cacheMissingKey(boolean cache) {
        return new LookupCache(
                mode, maxRows, expireAfterWrite, expireAfterAccess, cache, maxRetries);
    }

    public LookupCache maxRetries(int retries) {
        return new LookupCache(
                mode, maxRows, expireAfterWrite, expireAfterAccess, cacheMissingKey, retries);
    }

    /** Flink's options for this cache, as the JDBC connector reads them. */
    public Map<String, String> options() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("lookup.cache", mode.name());
        if (maxRows != null) {
            o.put("lookup.partial-cache.max-rows", String.valueOf(maxRows));
        }
        if (expireAfterWrite != null) {
            o.put(
                    "lookup.partial-cache.expire-after-write",
                    TimeUtils.formatWithHighestUnit(expireAfterWrite));
        }
        if (expireAfterAccess != null) {
            o.put(
                    "lookup.partial-cache.expire-after-access",
                    TimeUtils.formatWithHighestUnit(expireAfterAccess));
        }
        if (cacheMissingKey != null) {
            o.put("lookup.partial-cache.cache-missing-key", String.valueOf(cacheMissingKey));
        }
        if (maxRetries != null) {
            o.put("lookup.max-retries", String.valueOf(maxRetries));
        }
        return o;
    }

    /**
     * Refuses a cache Flink would reject or that would never let a changed row through; {@code
     * table} starts every message ("table 'customers' (declared in ...)").
     */
    void validate(String table) {
        String field = table + ", field lookup.";
        if (mode == null) {
            throw new DslException(
                    field + "cache: a lookup table needs a cache mode; set partial or none");
        }
        if (mode == Mode.NONE) {
            for (var o :
                    java.util.List.of(
                            Map.entry("max-rows", maxRows != null),
                            Map.entry("expire-after-write", expireAfterWrite != null),
                            Map.entry("expire-after-access", expireAfterAccess != null),
                            Map.entry("cache-missing-key", cacheMissingKey != null))) {
                if (o.getValue()) {
                    throw new DslException(
                            field
                                    + o.getKey()
                                    + ": only a partial cache takes it, and this one is none; set"
                                    + " cache: partial or remove "
                                    + o.getKey());
                }
            }
        } else {
            if (maxRows == null || maxRows <= 0) {
                throw new DslException(
                        field
                                + "max-rows: a partial cache needs a positive row limit, got "
                                + maxRows
                                + "; set max-rows, e.g. 10000, so the cache cannot fill the"
                                + " TaskManager's memory");
            }
            if (expireAfterWrite == null && expireAfterAccess == null) {
                throw new DslException(
                        field
                                + "expire-after-write: a partial cache needs expire-after-write or"
                                + " expire-after-access, or a row changed in the database is never"
                                + " seen again; set e.g. expire-after-write: 10 min");
            }
            positive(field + "expire-after-write", expireAfterWrite);
            positive(field + "expire-after-access", expireAfterAccess);
        }
        if (maxRetries != null && maxRetries < 0) {
            throw new DslException(
                    field + "max-retries: must be 0 or more, got " + maxRetries + "; set e.g. 3");
        }
    }

    /** A duration as YAML writes it ({@code 10 min}, {@code 30 s}); {@code field} for errors. */
    static Duration duration(String text, String field) {
        try {
            return TimeUtils.parseDuration(text);
        } catch (RuntimeException e) {
            throw new DslException(
                    field
                            + ": '"
                            + text
                            + "' is not a duration; write a number and a unit such as 30 s, 10"
                            + " min or 1 h",
                    e);
        }
    }

    private static void positive(String field, Duration d) {
        if (d != null && (d.isZero() || d.isNegative())) {
            throw new DslException(
                    field
                            + ": must be longer than zero, got "
                            + d.toString().toLowerCase(Locale.ROOT)
                            + "; set e.g. 10 min");
        }
    }
}
