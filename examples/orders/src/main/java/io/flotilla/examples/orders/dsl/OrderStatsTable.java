package io.flotilla.examples.orders.dsl;

import io.flotilla.dsl.table.Format;
import io.flotilla.dsl.table.TableDeclaration;
import io.flotilla.dsl.table.TableDef;

/**
 * Order count and average cost per name and window: JSON in the Kafka topic {@code order_stats}.
 */
public final class OrderStatsTable implements TableDeclaration {

    @Override
    public TableDef table() {
        return TableDef.kafka("order_stats")
                .topic("order_stats")
                .format(Format.JSON)
                .column("window_start", "TIMESTAMP(3)")
                .column("window_end", "TIMESTAMP(3)")
                .column("name", "STRING")
                .column("orders", "BIGINT")
                .column("avg_cost", "DOUBLE")
                .owner("analytics")
                .build();
    }
}
