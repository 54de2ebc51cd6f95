package io.flotilla.bench.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.dsl.PlatformDefaults;
import io.flotilla.dsl.job.PlanText;
import io.flotilla.dsl.run.JobArgs;
import io.flotilla.dsl.table.TableDescriptors;
import io.flotilla.dsl.table.Tables;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.api.TableDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedOrdersJobTest {

    @Test
    void handWrittenTablesAreTheDslTablesDeclaredInYaml(@TempDir Path dir) {
        Tables yaml = Tables.builder().addYamlDir(BenchTables.write(dir, 1_000)).build();
        PlatformDefaults platform = PlatformDefaults.local();
        for (String name : List.of("orders", "order_stats")) {
            TableDescriptor dsl = TableDescriptors.of(yaml.get(name), platform, "orders-dsl");
            TableDescriptor hand =
                    name.equals("orders")
                            ? BoundedOrdersJob.orders(1_000)
                            : BoundedOrdersJob.orderStats();
            // Schema holds its expressions unresolved, which compare by identity: compare text.
            assertThat(dsl.getSchema().map(Object::toString))
                    .as(name)
                    .isEqualTo(hand.getSchema().map(Object::toString));
            assertThat(dsl.getOptions()).as(name).isEqualTo(hand.getOptions());
        }
    }

    @Test
    void handWrittenJobPlansExactlyLikeTheDslJobOnTheBenchTables(@TempDir Path dir) {
        Path tables = BenchTables.write(dir, 1_000);
        String dsl =
                JobArgs.parse(
                                List.of(
                                        "--job",
                                        "io.flotilla.examples.orders.dsl.OrdersDslJob",
                                        "--tables",
                                        tables.toString(),
                                        "--window-seconds",
                                        "10"))
                        .build(getClass().getClassLoader(), Map.of())
                        .optimizedPlan();
        String hand =
                PlanText.section(
                        BoundedOrdersJob.build(1_000, 10).explain(),
                        "== Optimized Execution Plan ==");
        assertThat(dsl)
                .isEqualTo(hand)
                .contains("TableSourceScan(table=[[default_catalog, default_database, orders]]")
                .contains("LOWER(name)")
                .contains("TUMBLE(time_col=[ts], size=[10 s])")
                .contains("AVG(cost)");
    }
}
