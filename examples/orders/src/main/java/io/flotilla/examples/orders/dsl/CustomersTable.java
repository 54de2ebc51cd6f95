package io.flotilla.examples.orders.dsl;

import io.flotilla.dsl.table.LookupCache;
import io.flotilla.dsl.table.TableDeclaration;
import io.flotilla.dsl.table.TableDef;
import java.time.Duration;

/**
 * The CRM's customers in PostgreSQL, declared once as a lookup table: each name's tier, read by
 * lookup joins through a partial cache; the password comes from {@code FLOTILLA_DIM_PASSWORD}.
 */
public final class CustomersTable implements TableDeclaration {

    @Override
    public TableDef table() {
        return TableDef.jdbc("customers")
                .table("customers")
                .url("jdbc:postgresql://postgres:5432/dims")
                .option("username", "dim_reader")
                .secretOption("password", "FLOTILLA_DIM_PASSWORD")
                .lookup(LookupCache.partial(10_000).expireAfterWrite(Duration.ofMinutes(10)))
                .column("name", "STRING NOT NULL")
                .column("tier", "STRING")
                .primaryKey("name")
                .owner("crm")
                .build();
    }
}
