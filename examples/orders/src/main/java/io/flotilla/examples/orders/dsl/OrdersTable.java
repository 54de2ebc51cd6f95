package io.flotilla.examples.orders.dsl;

import io.flotilla.dsl.table.Format;
import io.flotilla.dsl.table.TableDeclaration;
import io.flotilla.dsl.table.TableDef;

/**
 * Orders as the orders service publishes them: JSON in the Kafka topic {@code orders}, times in
 * ISO-8601 UTC ({@code 2026-01-01T00:00:00.000Z}).
 */
public final class OrdersTable implements TableDeclaration {

    @Override
    public TableDef table() {
        return TableDef.kafka("orders")
                .topic("orders")
                .format(
                        Format.JSON
                                .option("ignore-parse-errors", "true")
                                .option("timestamp-format.standard", "ISO-8601"))
                .column("id", "BIGINT")
                .column("name", "STRING")
                .column("cost", "DOUBLE")
                .column("ts", "TIMESTAMP_LTZ(3)")
                .watermark("ts", "ts - INTERVAL '30' SECOND")
                .owner("orders-service")
                .build();
    }
}
