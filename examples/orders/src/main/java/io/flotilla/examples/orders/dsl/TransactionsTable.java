package io.flotilla.examples.orders.dsl;

import io.flotilla.dsl.table.Format;
import io.flotilla.dsl.table.TableDeclaration;
import io.flotilla.dsl.table.TableDef;

/**
 * Payment transactions of orders, as the payments service publishes them to {@code transactions}.
 */
public final class TransactionsTable implements TableDeclaration {

    @Override
    public TableDef table() {
        return TableDef.kafka("transactions")
                .topic("transactions")
                .format(Format.JSON.option("ignore-parse-errors", "true"))
                .column("orderId", "BIGINT")
                .column("status", "STRING")
                .column("amount", "DOUBLE")
                .owner("payments-service")
                .build();
    }
}
