package io.flotilla.dsl.table;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.flotilla.dsl.DslException;
import java.util.List;
import java.util.Map;

/** A table as written in YAML; {@link #toDef(String)} checks it and gives the {@link TableDef}. */
public record TableSpec(
        @JsonProperty(value = "name") String name,
        @JsonProperty(value = "connector") String connector,
        @JsonProperty("location") String location,
        @JsonProperty("format") String format,
        @JsonProperty("format-options") Map<String, String> formatOptions,
        @JsonProperty("options") Map<String, String> options,
        @JsonProperty("secret-options") Map<String, String> secretOptions,
        @JsonProperty("lookup") LookupSpec lookup,
        @JsonProperty("owner") String owner,
        @JsonProperty(value = "columns") List<ColumnSpec> columns,
        @JsonProperty("watermark") WatermarkSpec watermark,
        @JsonProperty("primary-key") List<String> primaryKey) {

    /**
     * A column: {@code type} (physical), {@code expr} (computed) or {@code type} + {@code
     * metadata}.
     */
    public record ColumnSpec(
            @JsonProperty(value = "name") String name,
            @JsonProperty("type") String type,
            @JsonProperty("expr") String expr,
            @JsonProperty("metadata") String metadata) {}

    /** {@code column} and {@code expr}, e.g. {@code ts - INTERVAL '30' SECOND}. */
    public record WatermarkSpec(
            @JsonProperty(value = "column") String column,
            @JsonProperty(value = "expr") String expr) {}

    /**
     * A lookup cache: {@code cache} (partial or none), {@code max-rows}, {@code expire-after-write}
     * and {@code expire-after-access} (e.g. {@code 10 min}), {@code cache-missing-key}, {@code
     * max-retries}.
     */
    public record LookupSpec(
            @JsonProperty("cache") String cache,
            @JsonProperty("max-rows") Long maxRows,
            @JsonProperty("expire-after-write") String expireAfterWrite,
            @JsonProperty("expire-after-access") String expireAfterAccess,
            @JsonProperty("cache-missing-key") Boolean cacheMissingKey,
            @JsonProperty("max-retries") Integer maxRetries) {

        LookupCache toCache(String table) {
            String field = table + ", field lookup.";
            if (cache == null) {
                throw new DslException(
                        field + "cache: a lookup table needs a cache mode; set partial or none");
            }
            return new LookupCache(
                    LookupCache.Mode.parse(cache, field + "cache"),
                    maxRows,
                    expireAfterWrite == null
                            ? null
                            : LookupCache.duration(expireAfterWrite, field + "expire-after-write"),
                    expireAfterAccess == null
                            ? null
                            : LookupCache.duration(
                                    expireAfterAccess, field + "expire-after-access"),
                    cacheMissingKey,
                    maxRetries);
        }
    }

    /**
     * The checked definition, remembering {@code origin} (file and line) for messages and lineage.
     */
    public TableDef toDef(String origin) {
        if (name == null || connector == null || columns == null) {
            throw new DslException(
                    origin + ": table '" + name + "' needs name, connector and columns");
        }
        if (watermark != null && (watermark.column() == null || watermark.expr() == null)) {
            throw new DslException(
                    origin + ": table '" + name + "' watermark needs column and expr");
        }
        TableDef.Builder b =
                TableDef.connector(name, connector).location(location).owner(owner).origin(origin);
        if (format != null) {
            Format f = Format.of(format);
            if (formatOptions != null) {
                for (Map.Entry<String, String> o : formatOptions.entrySet()) {
                    f = f.option(o.getKey(), o.getValue());
                }
            }
            b.format(f);
        }
        if (options != null) {
            options.forEach(b::option);
        }
        if (secretOptions != null) {
            secretOptions.forEach(b::secretOption);
        }
        if (lookup != null) {
            b.lookup(lookup.toCache("table '" + name + "' (declared in " + origin + ")"));
        }
        for (ColumnSpec c : columns) {
            b.column(new Column(c.name(), c.type(), c.expr(), c.metadata()));
        }
        if (watermark != null) {
            b.watermark(watermark.column(), watermark.expr());
        }
        if (primaryKey != null) {
            b.primaryKey(primaryKey.toArray(String[]::new));
        }
        return b.build();
    }
}
