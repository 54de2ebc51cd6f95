package io.flotilla.dsl.table;

import io.flotilla.dsl.DslException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.UnresolvedUserDefinedType;
import org.apache.flink.table.types.logical.utils.LogicalTypeParser;

/**
 * A table declared once: name, connector, location (topic, path or table), format, schema,
 * watermark, primary key, lookup cache, owning service and where it was declared ({@code origin}).
 *
 * @param secretOptions connector options whose values are read from environment variables when the
 *     job is submitted, by option key, e.g. {@code password -> FLOTILLA_DIM_PASSWORD}
 * @param lookup how a lookup join caches the table's rows; null when it is not a lookup table
 */
public record TableDef(
        String name,
        String connector,
        String location,
        Format format,
        Map<String, String> options,
        Map<String, String> secretOptions,
        List<Column> columns,
        Watermark watermark,
        List<String> primaryKey,
        LookupCache lookup,
        String owner,
        String origin) {

    /**
     * Event-time column and the expression of its watermark, e.g. {@code ts - INTERVAL '30'
     * SECOND}.
     */
    public record Watermark(String column, String expression) {}

    public TableDef {
        options = Map.copyOf(options);
        secretOptions = Map.copyOf(secretOptions);
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        validate(name, connector, location, columns, watermark, primaryKey, origin);
        ConnectorRules.check(
                "table '" + name + "'" + (origin == null ? "" : " (declared in " + origin + ")"),
                connector,
                options,
                secretOptions,
                lookup);
    }

    /** A table in a Kafka topic. */
    public static Builder kafka(String name) {
        return new Builder(name, "kafka");
    }

    /** A changelog table in a compacted Kafka topic, keyed by its primary key. */
    public static Builder upsertKafka(String name) {
        return new Builder(name, "upsert-kafka");
    }

    /** Files under a path (local, s3://...). */
    public static Builder filesystem(String name) {
        return new Builder(name, "filesystem");
    }

    /** Generated rows, for local runs and tests. */
    public static Builder datagen(String name) {
        return new Builder(name, "datagen");
    }

    /**
     * A table in a database through Flink's JDBC connector (PostgreSQL here): set its {@code url},
     * its {@link Builder#table(String) table}, and a {@link Builder#lookup(LookupCache) lookup
     * cache} to join it {@code FOR SYSTEM_TIME AS OF}.
     */
    public static Builder jdbc(String name) {
        return new Builder(name, "jdbc");
    }

    /** True when lookup joins may read this table (it declares a lookup cache). */
    public boolean isLookup() {
        return lookup != null;
    }

    /** A table on any connector by its factory identifier. */
    public static Builder connector(String name, String connector) {
        return new Builder(name, connector);
    }

    /** The option key that holds a connector's location, or null if it has none. */
    public static String locationKey(String connector) {
        return switch (connector) {
            case "kafka", "upsert-kafka" -> "topic";
            case "filesystem" -> "path";
            case "jdbc" -> "table-name";
            default -> null;
        };
    }

    /** This table declared somewhere else (used when a catalog records the declaring file). */
    public TableDef withOrigin(String newOrigin) {
        return new TableDef(
                name,
                connector,
                location,
                format,
                options,
                secretOptions,
                columns,
                watermark,
                primaryKey,
                lookup,
                owner,
                newOrigin);
    }

    private static void validate(
            String name,
            String connector,
            String location,
            List<Column> columns,
            Watermark watermark,
            List<String> primaryKey,
            String origin) {
        String where = origin == null ? "" : " (declared in " + origin + ")";
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new DslException(
                    "table name '"
                            + name
                            + "'"
                            + where
                            + " is not valid: use letters, digits and _, starting with a letter");
        }
        String table = "table '" + name + "'" + where;
        if (connector == null || connector.isBlank()) {
            throw new DslException(
                    table + " has no connector: set one such as kafka or filesystem");
        }
        if (columns.isEmpty()) {
            throw new DslException(table + " has no columns: declare at least one");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            String col = table + ", column " + (i + 1) + " '" + c.name() + "'";
            if (c.name() == null || c.name().isBlank()) {
                throw new DslException(table + ", column " + (i + 1) + " has no name");
            }
            if (!seen.add(c.name())) {
                throw new DslException(col + " is declared twice: rename or remove one");
            }
            if (c.isComputed() == (c.type() != null)) {
                throw new DslException(
                        col
                                + " needs either a type (physical or metadata column) or an expression"
                                + " (computed column), not both or neither");
            }
            if (c.type() != null) {
                try {
                    requireKnown(
                            LogicalTypeParser.parse(c.type(), TableDef.class.getClassLoader()));
                } catch (RuntimeException e) {
                    throw new DslException(
                            col
                                    + " has an invalid type '"
                                    + c.type()
                                    + "': "
                                    + e.getMessage()
                                    + "; use a Flink SQL type such as BIGINT, TIMESTAMP(3),"
                                    + " ROW<a INT>, ARRAY<STRING> or MAP<STRING, INT>",
                            e);
                }
            }
        }
        if (watermark != null && !seen.contains(watermark.column())) {
            throw new DslException(
                    table
                            + " has a watermark on '"
                            + watermark.column()
                            + "', which is not a column: use one of "
                            + seen);
        }
        for (String key : primaryKey) {
            if (!seen.contains(key)) {
                throw new DslException(
                        table
                                + " has primary key column '"
                                + key
                                + "', which is not a column: use one of "
                                + seen);
            }
            Column c = columns.stream().filter(x -> x.name().equals(key)).findFirst().get();
            if (c.type() != null
                    && LogicalTypeParser.parse(c.type(), TableDef.class.getClassLoader())
                            .isNullable()) {
                throw new DslException(
                        table
                                + ", field primary-key: column '"
                                + key
                                + "' is nullable ("
                                + c.type()
                                + "), and Flink refuses a nullable key; declare it "
                                + c.type()
                                + " NOT NULL");
            }
        }
        if (connector.equals("upsert-kafka") && primaryKey.isEmpty()) {
            throw new DslException(table + " is upsert-kafka and needs a primary key");
        }
        if (locationKey(connector) != null && (location == null || location.isBlank())) {
            throw new DslException(
                    table
                            + " on connector '"
                            + connector
                            + "' needs a location (its "
                            + locationKey(connector)
                            + ")");
        }
    }

    /** Unknown type names parse as user-defined types; the platform has none, so refuse them. */
    private static void requireKnown(LogicalType type) {
        if (type instanceof UnresolvedUserDefinedType u) {
            throw new IllegalArgumentException("unknown type " + u.asSummaryString());
        }
        type.getChildren().forEach(TableDef::requireKnown);
    }

    /**
     * Builds a {@link TableDef} step by step: {@code TableDef.kafka("orders").topic("orders")...}.
     */
    public static final class Builder {
        private final String name;
        private final String connector;
        private String location;
        private Format format;
        private final Map<String, String> options = new LinkedHashMap<>();
        private final Map<String, String> secretOptions = new LinkedHashMap<>();
        private LookupCache lookup;
        private final List<Column> columns = new ArrayList<>();
        private Watermark watermark;
        private final List<String> primaryKey = new ArrayList<>();
        private String owner;
        private String origin;

        private Builder(String name, String connector) {
            this.name = name;
            this.connector = connector;
        }

        public Builder topic(String topic) {
            return location(topic);
        }

        public Builder path(String path) {
            return location(path);
        }

        public Builder location(String location) {
            this.location = location;
            return this;
        }

        /** The database table of a jdbc table. */
        public Builder table(String table) {
            return location(table);
        }

        /** The database URL of a jdbc table, e.g. {@code jdbc:postgresql://db:5432/dims}. */
        public Builder url(String url) {
            return option("url", url);
        }

        /**
         * A connector option read from the environment variable {@code envVariable} when the job is
         * submitted, never written in the declaration: {@code secretOption("password",
         * "FLOTILLA_DIM_PASSWORD")}.
         */
        public Builder secretOption(String key, String envVariable) {
            secretOptions.put(key, envVariable);
            return this;
        }

        /** Makes this a lookup table with {@code cache}. */
        public Builder lookup(LookupCache cache) {
            this.lookup = cache;
            return this;
        }

        public Builder format(Format format) {
            this.format = format;
            return this;
        }

        public Builder option(String key, String value) {
            options.put(key, value);
            return this;
        }

        public Builder column(String name, String type) {
            columns.add(Column.physical(name, type));
            return this;
        }

        public Builder column(Column column) {
            columns.add(column);
            return this;
        }

        public Builder computed(String name, String expression) {
            columns.add(Column.computed(name, expression));
            return this;
        }

        public Builder metadata(String name, String type, String key) {
            columns.add(Column.metadata(name, type, key));
            return this;
        }

        public Builder watermark(String column, String expression) {
            this.watermark = new Watermark(column, expression);
            return this;
        }

        public Builder primaryKey(String... columns) {
            primaryKey.addAll(List.of(columns));
            return this;
        }

        public Builder owner(String owner) {
            this.owner = owner;
            return this;
        }

        public Builder origin(String origin) {
            this.origin = origin;
            return this;
        }

        public TableDef build() {
            return new TableDef(
                    name,
                    connector,
                    location,
                    format,
                    options,
                    secretOptions,
                    columns,
                    watermark,
                    primaryKey,
                    lookup,
                    owner,
                    origin);
        }
    }
}
