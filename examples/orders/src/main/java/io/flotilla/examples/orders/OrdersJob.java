package io.flotilla.examples.orders;

import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;

/** Streaming example: generated orders, average cost per lower-cased name in one-minute windows. */
public final class OrdersJob {

    private OrdersJob() {}

    /**
     * Arguments: {@code --rows-per-second N}, {@code --checkpoint-interval 5s}, {@code --sink
     * print|blackhole}.
     */
    public static void main(String[] args) throws Exception {
        OrdersJobOptions options = OrdersJobOptions.parse(args);
        Configuration conf = new Configuration();
        conf.setString(
                "execution.checkpointing.interval",
                options.checkpointInterval().toMillis() + " ms");
        conf.setString("pipeline.name", "orders");
        TableEnvironment tEnv =
                TableEnvironment.create(
                        EnvironmentSettings.newInstance()
                                .inStreamingMode()
                                .withConfiguration(conf)
                                .build());
        for (String statement : statements(options)) {
            if (statement.startsWith("INSERT")) {
                tEnv.executeSql(statement);
            } else {
                tEnv.executeSql(statement).await();
            }
        }
    }

    /** The job's SQL, in order: source, sink, view, insert. Separate so a unit test can plan it. */
    static String[] statements(OrdersJobOptions options) {
        String source =
                "CREATE TEMPORARY TABLE orders (\n"
                        + "  id INT,\n"
                        + "  name_code INT,\n"
                        + "  cost DOUBLE,\n"
                        + "  proc AS PROCTIME()\n"
                        + ") WITH (\n"
                        + "  'connector' = 'datagen',\n"
                        + "  'rows-per-second' = '"
                        + options.rowsPerSecond()
                        + "',\n"
                        + "  'fields.name_code.min' = '1',\n"
                        + "  'fields.name_code.max' = '5',\n"
                        + "  'fields.cost.min' = '1',\n"
                        + "  'fields.cost.max' = '100',\n"
                        + "  'fields.cost.null-rate' = '0.1'\n"
                        + ")";
        String sink =
                "CREATE TEMPORARY TABLE average_cost (\n"
                        + "  window_start TIMESTAMP(3),\n"
                        + "  window_end TIMESTAMP(3),\n"
                        + "  name STRING,\n"
                        + "  orders BIGINT,\n"
                        + "  avg_cost DOUBLE\n"
                        + ") WITH ('connector' = '"
                        + options.sink()
                        + "')";
        // Names arrive upper-case, as real feeds do, so the job has something to normalise.
        String clean =
                "CREATE TEMPORARY VIEW clean_orders AS\n"
                        + "SELECT LOWER(CONCAT('CUSTOMER-', CAST(name_code AS STRING))) AS name,"
                        + " cost, proc\n"
                        + "FROM orders WHERE cost IS NOT NULL";
        String insert =
                "INSERT INTO average_cost\n"
                        + "SELECT window_start, window_end, name, COUNT(*), AVG(cost)\n"
                        + "FROM TABLE(TUMBLE(TABLE clean_orders, DESCRIPTOR(proc), INTERVAL '"
                        + options.windowSeconds()
                        + "' SECOND))\n"
                        + "GROUP BY window_start, window_end, name";
        return new String[] {source, sink, clean, insert};
    }

    /** Parsed job arguments with their defaults. */
    record OrdersJobOptions(
            int rowsPerSecond, Duration checkpointInterval, String sink, int windowSeconds) {

        static OrdersJobOptions parse(String[] args) {
            int rows = 100;
            Duration interval = Duration.ofSeconds(5);
            String sink = "print";
            int window = 60;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--rows-per-second" -> rows = Integer.parseInt(require(args[i], value));
                    case "--checkpoint-interval" ->
                            interval = Duration.ofSeconds(Long.parseLong(require(args[i], value)));
                    case "--sink" -> sink = require(args[i], value);
                    case "--window-seconds" -> window = Integer.parseInt(require(args[i], value));
                    default ->
                            throw new IllegalArgumentException(
                                    "unknown argument '"
                                            + args[i]
                                            + "': use --rows-per-second, --checkpoint-interval,"
                                            + " --sink or --window-seconds");
                }
                i++;
            }
            if (!sink.equals("print") && !sink.equals("blackhole")) {
                throw new IllegalArgumentException(
                        "--sink must be 'print' or 'blackhole', got '" + sink + "'");
            }
            return new OrdersJobOptions(rows, interval, sink, window);
        }

        private static String require(String flag, String value) {
            if (value == null) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return value;
        }
    }
}
