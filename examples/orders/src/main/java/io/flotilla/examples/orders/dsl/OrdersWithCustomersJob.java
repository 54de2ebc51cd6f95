package io.flotilla.examples.orders.dsl;

import static io.flotilla.dsl.job.SqlColumns.callSql;
import static org.apache.flink.table.api.Expressions.$;

import io.flotilla.dsl.job.FlotillaJob;
import io.flotilla.dsl.job.JobContext;
import org.apache.flink.table.api.Table;

/**
 * The seed's lookup join: orders with SQL columns and a processing time, each joined {@code FOR
 * SYSTEM_TIME AS OF} its processing time with the customer of its (lower-cased) name in PostgreSQL.
 */
public final class OrdersWithCustomersJob implements FlotillaJob {

    @Override
    public String name() {
        return "orders-with-customers";
    }

    @Override
    public void build(JobContext ctx) {
        Table orders =
                ctx.from(OrdersTable.class)
                        .select(
                                $("id"),
                                callSql("LOWER(name) AS name"),
                                $("cost"),
                                callSql("PROCTIME() AS proctime"));
        ctx.view("orders_now", orders);
        Table withTier =
                ctx.sql(
                        "SELECT o.id, o.name, o.cost, c.tier FROM orders_now AS o"
                                + " JOIN customers FOR SYSTEM_TIME AS OF o.proctime AS c"
                                + " ON o.name = c.name");
        ctx.insertInto(OrderTiersTable.class, withTier);
    }
}
