package io.flotilla.dsl.upgrade;

import static io.flotilla.dsl.upgrade.TestingJobs.plan;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.common.PlanCompatibility;
import org.junit.jupiter.api.Test;

/** The DSL's plan comparison as the supervisor finds and uses it: only lost state counts. */
class DslPlanCompatibilityTest {

    private static final String COUNTS = StateCompatibilityTest.COUNTS;
    private static final String V1 = StateCompatibilityTest.COUNT_PER_NAME;

    @Test
    void theSupervisorFindsItOnTheClassPath() {
        assertThat(PlanCompatibility.find()).get().isInstanceOf(DslPlanCompatibility.class);
    }

    @Test
    void otherGroupKeysLoseTheAggregatesState() {
        String v1 = plan(COUNTS, V1);
        String v2 =
                plan(
                        COUNTS,
                        "INSERT INTO counts SELECT region, COUNT(*) FROM orders GROUP BY region");

        assertThat(new DslPlanCompatibility().losses(v1, v2))
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l.message()).contains("allowNonRestoredState"));
    }

    @Test
    void aProjectionChangeLosesNothing() {
        String v1 = plan(COUNTS, V1);
        String v2 =
                plan(
                        TestingJobs.sink("counts", "name STRING, cnt BIGINT, label STRING"),
                        "INSERT INTO counts SELECT name, COUNT(*), UPPER(name)"
                                + " FROM orders GROUP BY name");

        assertThat(new DslPlanCompatibility().losses(v1, v2)).isEmpty();
    }
}
