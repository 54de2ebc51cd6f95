package io.flotilla.examples.orders.dsl;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.lit;

import io.flotilla.dsl.job.FlotillaJob;
import io.flotilla.dsl.job.JobContext;
import java.time.Duration;
import org.apache.flink.table.api.Table;

/**
 * The orders job in the Java DSL: lower-cased names, orders with a cost, order count and average
 * cost per name in tumbling windows (an hour; {@code --window-seconds N} to change).
 */
public final class OrdersDslJob implements FlotillaJob {

    @Override
    public String name() {
        return "orders-dsl";
    }

    @Override
    public void build(JobContext ctx) {
        Table clean =
                ctx.from(OrdersTable.class)
                        .where($("cost").isNotNull())
                        .select($("name").lowerCase().as("name"), $("cost"), $("ts"));
        Duration window = Duration.ofSeconds(ctx.config().getLong("window-seconds", 3600));
        Table stats =
                ctx.tumble(clean, "ts", window)
                        .groupBy($("window_start"), $("window_end"), $("name"))
                        .select(
                                $("window_start"),
                                $("window_end"),
                                $("name"),
                                lit(1).count().as("orders"),
                                $("cost").avg().as("avg_cost"));
        ctx.insertInto(OrderStatsTable.class, stats);
    }
}
