package io.flotilla.examples.orders.dsl;

import io.flotilla.dsl.table.Format;
import io.flotilla.dsl.table.TableDeclaration;
import io.flotilla.dsl.table.TableDef;

/**
 * Order stats recomputed by a backfill ({@code --into order_stats_backfill}): the columns of {@code
 * order_stats}, JSON in the Kafka topic {@code order_stats_backfill}, so a batch re-run can be
 * compared with what the streaming job wrote.
 */
public final class OrderStatsBackfillTable implements TableDeclaration {

    @Override
    public TableDef table() {
        return TableDef.kafka("order_stats_backfill")
                .topic("order_stats_backfill")
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
