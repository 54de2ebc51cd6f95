package io.flotilla.examples.orders.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.dsl.DslException;
import io.flotilla.dsl.job.BuiltJob;
import io.flotilla.dsl.run.JobArgs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Both orders jobs plan as a backfill: a batch over a range, written into order_stats_backfill. */
class BackfillPlanTest {

    static BuiltJob backfill(String job, String into) {
        return JobArgs.parse(
                        List.of(
                                "--job", job,
                                "--backfill-from", "2026-01-01T00:00:05Z",
                                "--backfill-to", "2026-01-01T00:00:25Z",
                                "--into", into,
                                "--window-seconds", "5"))
                .build(BackfillPlanTest.class.getClassLoader(), Map.of());
    }

    @Test
    void theJavaAndYamlOrdersJobsPlanAsABatchIntoTheBackfillTopic() {
        for (String job :
                List.of(
                        "io.flotilla.examples.orders.dsl.OrdersDslJob",
                        "classpath:jobs/orders.yaml")) {
            BuiltJob built = backfill(job, "order_stats_backfill");
            assertThat(built.tables().get("order_stats").location())
                    .as(job)
                    .isEqualTo("order_stats_backfill");
            assertThat(built.tables().get("orders").options())
                    .containsEntry("scan.bounded.mode", "timestamp")
                    .containsEntry("scan.startup.timestamp-millis", "1767225605000");
            // A batch plan: the window is a table function feeding a hash aggregate, no watermarks.
            assertThat(built.optimizedPlan())
                    .as(job)
                    .contains("WindowTableFunction", "HashAggregate")
                    .doesNotContain("WindowAggregate", "WatermarkAssigner");
        }
    }

    @Test
    void aTableOfOtherColumnsIsRefusedNamingBoth() {
        assertThatThrownBy(
                        () -> backfill("io.flotilla.examples.orders.dsl.OrdersDslJob", "customers"))
                .isInstanceOf(DslException.class)
                .hasMessageContaining("--into customers: its columns")
                .hasMessageContaining("sink 'order_stats'");
    }
}
