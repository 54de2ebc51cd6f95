package io.flotilla.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.junit.jupiter.api.Test;

class OrdersJobTest {

    @Test
    void planIsAWindowAggregateFromDatagenToTheSink() {
        TableEnvironment tEnv =
                TableEnvironment.create(
                        EnvironmentSettings.newInstance().inStreamingMode().build());
        String[] statements = OrdersJob.statements(OrdersJob.OrdersJobOptions.parse(new String[0]));
        for (int i = 0; i < statements.length - 1; i++) {
            tEnv.executeSql(statements[i]);
        }
        String plan = tEnv.explainSql(statements[statements.length - 1]);

        assertThat(plan).contains("WindowAggregate").contains("LOWER(").contains("IS NOT NULL");
        assertThat(plan).contains("default_catalog.default_database.average_cost");
    }

    @Test
    void unknownArgumentIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> OrdersJob.OrdersJobOptions.parse(new String[] {"--speed", "1"}))
                .hasMessageContaining("unknown argument '--speed'")
                .hasMessageContaining("--rows-per-second");
    }

    @Test
    void sinkMustBePrintOrBlackhole() {
        assertThatThrownBy(() -> OrdersJob.OrdersJobOptions.parse(new String[] {"--sink", "kafka"}))
                .hasMessageContaining("--sink must be 'print' or 'blackhole'");
    }
}
