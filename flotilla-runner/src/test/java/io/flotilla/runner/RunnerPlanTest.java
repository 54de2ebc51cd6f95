package io.flotilla.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.junit.jupiter.api.Test;

/** Plans scripts with the real planner and the connectors the runner jar ships; no cluster. */
class RunnerPlanTest {

    static final Map<String, String> ORDERS_VARS =
            Map.of(
                    "bootstrap", "127.0.0.1:9092",
                    "orders_topic", "orders",
                    "stats_topic", "order_stats",
                    "window_seconds", "10",
                    "group_id", "plan-test");

    @Test
    void theBundledOrdersScriptPlansWithKafkaAndUpsertKafka() {
        TableEnvironment tEnv =
                TableEnvironment.create(
                        EnvironmentSettings.newInstance().inStreamingMode().build());
        List<SqlScript.Statement> statements =
                SqlScript.split(
                        SqlScript.substitute(
                                SqlScript.load("classpath:sql/orders_stats.sql"), ORDERS_VARS));
        for (SqlScript.Statement s : statements.subList(0, statements.size() - 1)) {
            if (!s.sql().startsWith("SET")) {
                tEnv.executeSql(s.sql());
            }
        }
        String plan = tEnv.explainSql(statements.get(statements.size() - 1).sql());
        assertThat(plan).contains("WindowAggregate").contains("order_stats");
    }

    @Test
    void aFailingStatementIsReportedWithTheScriptAndLine() {
        TableEnvironment tEnv =
                TableEnvironment.create(
                        EnvironmentSettings.newInstance().inStreamingMode().build());
        List<SqlScript.Statement> statements =
                SqlScript.split("SET 'pipeline.name' = 'x';\n\nCREATE TABLE t (a INTT);");
        assertThatThrownBy(() -> Runner.run(tEnv, statements, "bad.sql"))
                .hasMessageStartingWith("bad.sql line 3: ");
        assertThat(tEnv.getConfig().getConfiguration().toMap()).containsEntry("pipeline.name", "x");
    }

    @Test
    void aBareSelectIsRefusedWithItsLine() {
        TableEnvironment tEnv =
                TableEnvironment.create(
                        EnvironmentSettings.newInstance().inStreamingMode().build());
        assertThatThrownBy(() -> Runner.run(tEnv, SqlScript.split("\nSELECT 1"), "x.sql"))
                .hasMessageStartingWith("x.sql line 2: a query outside an INSERT");
    }

    @Test
    void aScriptWithoutInsertHasNoJob() {
        TableEnvironment tEnv =
                TableEnvironment.create(
                        EnvironmentSettings.newInstance().inStreamingMode().build());
        assertThatThrownBy(
                        () ->
                                Runner.run(
                                        tEnv,
                                        SqlScript.split("CREATE VIEW v AS SELECT 1 AS a"),
                                        "x.sql"))
                .hasMessage("x.sql: the script has no INSERT statement, so there is no job to run");
    }
}
