package io.flotilla.examples.orders.dsl;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.lit;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.TableDescriptor;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

/** The orders job as a Flink expert writes it by hand on the Table API, without the DSL. */
final class OrdersHandWritten {

    private OrdersHandWritten() {}

    /** The job's statement set, tables declared with plain descriptors. */
    static StatementSet build(long windowSeconds) {
        StreamTableEnvironment tEnv =
                StreamTableEnvironment.create(StreamExecutionEnvironment.getExecutionEnvironment());
        tEnv.createTemporaryTable(
                "orders",
                TableDescriptor.forConnector("kafka")
                        .schema(
                                Schema.newBuilder()
                                        .column("id", "BIGINT")
                                        .column("name", "STRING")
                                        .column("cost", "DOUBLE")
                                        .column("ts", "TIMESTAMP_LTZ(3)")
                                        .watermark("ts", "ts - INTERVAL '30' SECOND")
                                        .build())
                        .option("topic", "orders")
                        .option("properties.bootstrap.servers", "localhost:9092")
                        .option("properties.group.id", "orders")
                        .option("scan.startup.mode", "earliest-offset")
                        .option("format", "json")
                        .option("json.ignore-parse-errors", "true")
                        .option("json.timestamp-format.standard", "ISO-8601")
                        .build());
        tEnv.createTemporaryTable(
                "order_stats",
                TableDescriptor.forConnector("kafka")
                        .schema(
                                Schema.newBuilder()
                                        .column("window_start", "TIMESTAMP(3)")
                                        .column("window_end", "TIMESTAMP(3)")
                                        .column("name", "STRING")
                                        .column("orders", "BIGINT")
                                        .column("avg_cost", "DOUBLE")
                                        .build())
                        .option("topic", "order_stats")
                        .option("properties.bootstrap.servers", "localhost:9092")
                        .option("format", "json")
                        .build());
        Table clean =
                tEnv.from("orders")
                        .where($("cost").isNotNull())
                        .select($("name").lowerCase().as("name"), $("cost"), $("ts"));
        Table windowed =
                tEnv.sqlQuery(
                        "SELECT * FROM TABLE(TUMBLE(TABLE "
                                + clean
                                + ", DESCRIPTOR(ts), INTERVAL '"
                                + windowSeconds
                                + "' SECOND(6)))");
        Table stats =
                windowed.groupBy($("window_start"), $("window_end"), $("name"))
                        .select(
                                $("window_start"),
                                $("window_end"),
                                $("name"),
                                lit(1).count().as("orders"),
                                $("cost").avg().as("avg_cost"));
        StatementSet statements = tEnv.createStatementSet();
        statements.add(stats.insertInto("order_stats"));
        return statements;
    }
}
