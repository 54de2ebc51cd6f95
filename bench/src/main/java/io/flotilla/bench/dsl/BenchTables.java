package io.flotilla.bench.dsl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The DSL side's tables for the throughput benchmark: the orders example's {@code orders} and
 * {@code order_stats} re-declared in YAML on a bounded datagen source and a blackhole sink, the
 * same definitions {@link BoundedOrdersJob} writes by hand.
 */
public final class BenchTables {

    /**
     * Datagen's legacy source sleeps out the rest of each second once it has sent this many rows;
     * above the row count it never sleeps.
     */
    static final String UNTHROTTLED = "1000000000";

    private BenchTables() {}

    /** The YAML of both tables for a source of {@code rows} rows. */
    public static String yaml(long rows) {
        return """
                name: orders
                connector: datagen
                owner: orders-service
                options:
                  number-of-rows: "%d"
                  rows-per-second: "%s"
                  fields.id.kind: random
                  fields.name_code.min: "1"
                  fields.name_code.max: "5"
                  fields.cost.min: "1"
                  fields.cost.max: "100"
                  fields.cost.null-rate: "0.1"
                columns:
                  - {name: id, type: BIGINT}
                  - {name: name_code, type: INT}
                  - {name: name, expr: "CONCAT('CUSTOMER-', CAST(name_code AS STRING))"}
                  - {name: cost, type: DOUBLE}
                  - {name: ts, expr: "CAST(CURRENT_TIMESTAMP AS TIMESTAMP(3))"}
                watermark: {column: ts, expr: "ts - INTERVAL '1' SECOND"}
                ---
                name: order_stats
                connector: blackhole
                owner: analytics
                columns:
                  - {name: window_start, type: TIMESTAMP(3)}
                  - {name: window_end, type: TIMESTAMP(3)}
                  - {name: name, type: STRING}
                  - {name: orders, type: BIGINT}
                  - {name: avg_cost, type: DOUBLE}
                """
                .formatted(rows, UNTHROTTLED);
    }

    /** Writes the tables for {@code rows} rows into a fresh folder {@code dir}; returns it. */
    public static Path write(Path dir, long rows) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("orders.yaml"), yaml(rows));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
