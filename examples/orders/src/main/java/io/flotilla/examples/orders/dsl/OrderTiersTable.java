package io.flotilla.examples.orders.dsl;

import io.flotilla.dsl.table.Format;
import io.flotilla.dsl.table.TableDeclaration;
import io.flotilla.dsl.table.TableDef;

/** Orders with their customer's tier: JSON in the Kafka topic {@code order_tiers}. */
public final class OrderTiersTable implements TableDeclaration {

    @Override
    public TableDef table() {
        return TableDef.kafka("order_tiers")
                .topic("order_tiers")
                .format(Format.JSON)
                .column("id", "BIGINT")
                .column("name", "STRING")
                .column("cost", "DOUBLE")
                .column("tier", "STRING")
                .owner("analytics")
                .build();
    }
}
