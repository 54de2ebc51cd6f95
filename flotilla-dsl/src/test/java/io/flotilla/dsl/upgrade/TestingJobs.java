package io.flotilla.dsl.upgrade;

import java.util.List;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;

/** Local table environments with the tables the upgrade tests plan against. */
final class TestingJobs {

    static final String ORDERS =
            "CREATE TABLE orders (name STRING, cost DOUBLE, region STRING, proc AS PROCTIME())"
                    + " WITH ('connector' = 'datagen')";
    static final String REFUNDS =
            "CREATE TABLE refunds (name STRING, cost DOUBLE, region STRING, proc AS PROCTIME())"
                    + " WITH ('connector' = 'datagen')";
    static final String CUSTOMERS =
            "CREATE TABLE customers (name STRING, tier STRING) WITH ('connector' = 'datagen')";

    private TestingJobs() {}

    /** A fresh streaming environment after running {@code ddl}. */
    static TableEnvironment env(List<String> ddl) {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        StableIdentity.apply(env.getConfig());
        ddl.forEach(env::executeSql);
        return env;
    }

    /** A blackhole sink named {@code name} with {@code columns}. */
    static String sink(String name, String columns) {
        return "CREATE TABLE " + name + " (" + columns + ") WITH ('connector' = 'blackhole')";
    }

    /**
     * The compiled plan of {@code insert} over the orders and customers tables and {@code sink}.
     */
    static String plan(String sink, String insert) {
        return plan(ORDERS, sink, insert);
    }

    /** The compiled plan of {@code insert} with {@code orders} as the orders table's DDL. */
    static String plan(String orders, String sink, String insert) {
        return env(List.of(orders, REFUNDS, CUSTOMERS, sink)).compilePlanSql(insert).asJsonString();
    }

    /** The compiled plan of {@code insert} with {@code key} set to {@code value} first. */
    static String planWith(String key, String value, String sink, String insert) {
        TableEnvironment env = env(List.of(ORDERS, REFUNDS, CUSTOMERS, sink));
        env.getConfig().set(key, value);
        return env.compilePlanSql(insert).asJsonString();
    }
}
