package io.flotilla.examples.orders.dsl;

import io.flotilla.dsl.table.Format;
import io.flotilla.dsl.table.TableDeclaration;
import io.flotilla.dsl.table.TableDef;

/**
 * Each order with its transactions so far and the last one's status: JSON in {@code
 * order_transactions}.
 */
public final class OrderTransactionsTable implements TableDeclaration {

    @Override
    public TableDef table() {
        return TableDef.kafka("order_transactions")
                .topic("order_transactions")
                .format(Format.JSON)
                .column("id", "BIGINT")
                .column("transactions", "BIGINT")
                .column("name", "STRING")
                .column("cost", "DOUBLE")
                .column("transactionStatus", "STRING")
                .owner("analytics")
                .build();
    }
}
