package io.flotilla.bench.dsl;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.lit;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.TableDescriptor;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

/**
 * The orders job hand-written on the Table API over a bounded datagen source and a blackhole sink:
 * the side of the DSL throughput benchmark without the DSL. Arguments: {@code --rows N
 * --window-seconds W}.
 */
public final class BoundedOrdersJob {

    private BoundedOrdersJob() {}

    public static void main(String[] args) throws Exception {
        long rows = 0;
        long window = 0;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[i + 1]);
                case "--window-seconds" -> window = Long.parseLong(args[i + 1]);
                default ->
                        throw new IllegalArgumentException(
                                "unknown argument '" + args[i] + "': use --rows, --window-seconds");
            }
        }
        if (rows <= 0 || window <= 0) {
            throw new IllegalArgumentException(
                    "--rows and --window-seconds must both be given and positive");
        }
        build(rows, window).execute();
    }

    /** The job's statement set, as a Flink expert would write it; also planned by the bench. */
    public static StatementSet build(long rows, long windowSeconds) {
        Configuration conf = new Configuration();
        conf.setString("pipeline.name", "orders-hand-written");
        StreamTableEnvironment tEnv =
                StreamTableEnvironment.create(
                        StreamExecutionEnvironment.getExecutionEnvironment(conf),
                        EnvironmentSettings.newInstance()
                                .inStreamingMode()
                                .withConfiguration(conf)
                                .build());
        tEnv.createTemporaryTable("orders", orders(rows));
        tEnv.createTemporaryTable("order_stats", orderStats());
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

    /** The orders source: {@code rows} generated orders, as fast as datagen makes them. */
    public static TableDescriptor orders(long rows) {
        return TableDescriptor.forConnector("datagen")
                .schema(
                        Schema.newBuilder()
                                .column("id", "BIGINT")
                                .column("name_code", "INT")
                                .columnByExpression(
                                        "name", "CONCAT('CUSTOMER-', CAST(name_code AS STRING))")
                                .column("cost", "DOUBLE")
                                .columnByExpression("ts", "CAST(CURRENT_TIMESTAMP AS TIMESTAMP(3))")
                                .watermark("ts", "ts - INTERVAL '1' SECOND")
                                .build())
                .option("number-of-rows", String.valueOf(rows))
                .option("rows-per-second", BenchTables.UNTHROTTLED)
                .option("fields.id.kind", "random")
                .option("fields.name_code.min", "1")
                .option("fields.name_code.max", "5")
                .option("fields.cost.min", "1")
                .option("fields.cost.max", "100")
                .option("fields.cost.null-rate", "0.1")
                .build();
    }

    /** The statistics sink: a blackhole, so that only the job's own work is measured. */
    public static TableDescriptor orderStats() {
        return TableDescriptor.forConnector("blackhole")
                .schema(
                        Schema.newBuilder()
                                .column("window_start", "TIMESTAMP(3)")
                                .column("window_end", "TIMESTAMP(3)")
                                .column("name", "STRING")
                                .column("orders", "BIGINT")
                                .column("avg_cost", "DOUBLE")
                                .build())
                .build();
    }
}
