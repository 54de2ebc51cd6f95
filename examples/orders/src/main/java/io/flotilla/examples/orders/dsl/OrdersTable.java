package io.flotilla.examples.orders.dsl;

import io.flotilla.dsl.table.Format;
import io.flotilla.dsl.table.TableDeclaration;
import io.flotilla.dsl.table.TableDef;

/** Orders as the orders service publishes them: JSON in the Kafka topic {@code orders}. */
public final class OrdersTable implements TableDeclaration {

    @Override
    public TableDef table() {
        return TableDef.kafka("orders")
                .topic("orders")
                .format(Format.JSON.option("ignore-parse-errors", "true"))
                .column("id", "BIGINT")
                .column("name", "STRING")
                .column("cost", "DOUBLE")
                .column("ts", "TIMESTAMP(3)")
                .watermark("ts", "ts - INTERVAL '30' SECOND")
                .owner("orders-service")
                .build();
    }
}
