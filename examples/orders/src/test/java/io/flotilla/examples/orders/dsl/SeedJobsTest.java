package io.flotilla.examples.orders.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.flotilla.dsl.job.BuiltJob;
import io.flotilla.dsl.lineage.Lineage;
import io.flotilla.dsl.lineage.LineageExtractor;
import io.flotilla.dsl.run.JobArgs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The seed's lookup join and DataStream step as example jobs: both plan locally on the declared
 * tables, and their lineage names what they read, the lookup table included.
 */
class SeedJobsTest {

    private static BuiltJob build(Class<?> job) {
        return JobArgs.parse(List.of(job.getName()))
                .build(SeedJobsTest.class.getClassLoader(), Map.of());
    }

    @Test
    void theLookupJoinReadsTheCustomersLookupTable() {
        BuiltJob job = build(OrdersWithCustomersJob.class);

        assertThat(job.optimizedPlan())
                .contains("LookupJoin(table=[default_catalog.default_database.customers]")
                .contains("lookup=[name=name]");
        Lineage lineage = LineageExtractor.of(job);
        assertThat(lineage.reads())
                .extracting(Lineage.TableRef::name, Lineage.TableRef::connector)
                .containsExactly(tuple("orders", "kafka"), tuple("customers", "jdbc"));
        assertThat(lineage.writes())
                .extracting(Lineage.TableRef::name)
                .containsExactly("order_tiers");
        assertThat(lineage.toJson()).doesNotContain("password");
    }

    @Test
    void theDataStreamStepReadsOrdersAndTransactionsAndWritesTheJoinedRows() {
        Lineage lineage = LineageExtractor.of(build(OrdersWithTransactionsJob.class));

        assertThat(lineage.reads())
                .extracting(Lineage.TableRef::name)
                .containsExactlyInAnyOrder("orders", "transactions");
        assertThat(lineage.writes())
                .extracting(Lineage.TableRef::name)
                .containsExactly("order_transactions");
    }
}
