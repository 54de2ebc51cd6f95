package io.flotilla.dsl.upgrade;

import static io.flotilla.dsl.upgrade.TestingJobs.plan;
import static io.flotilla.dsl.upgrade.TestingJobs.sink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which changes between two versions of a job keep the old state, checked on local plans. */
class StateCompatibilityTest {

    static final String COUNTS = sink("counts", "name STRING, cnt BIGINT");
    static final String COUNT_PER_NAME =
            "INSERT INTO counts SELECT name, COUNT(*) FROM orders GROUP BY name";
    static final String WINDOWS =
            sink("windows", "window_start TIMESTAMP(3), name STRING, cnt BIGINT");

    static List<String> warnings(String oldPlan, String newPlan) {
        return StateCompatibility.check(oldPlan, newPlan).stream()
                .map(UpgradeWarning::message)
                .toList();
    }

    @Test
    void theSameJobPlannedAgainKeepsAllState() {
        String v1 = plan(COUNTS, COUNT_PER_NAME);
        assertThat(warnings(v1, plan(COUNTS, COUNT_PER_NAME))).isEmpty();
    }

    @Test
    void aProjectionChangedAfterTheAggregateKeepsState() {
        String v1 = plan(COUNTS, COUNT_PER_NAME);
        String v2 =
                plan(
                        sink("counts", "name STRING, cnt BIGINT, label STRING"),
                        "INSERT INTO counts SELECT name, COUNT(*), UPPER(name) || '-v2'"
                                + " FROM orders GROUP BY name");
        assertThat(warnings(v1, v2)).isEmpty();
    }

    @Test
    void aFilterChangedOrAddedBeforeTheAggregateKeepsState() {
        String v1 = plan(COUNTS, COUNT_PER_NAME);
        String v2 =
                plan(
                        COUNTS,
                        "INSERT INTO counts SELECT name, COUNT(*) FROM orders"
                                + " WHERE cost > 20 AND region <> 'test' GROUP BY name");
        String v3 =
                plan(
                        COUNTS,
                        "INSERT INTO counts SELECT name, COUNT(*) FROM orders"
                                + " WHERE cost > 50 GROUP BY name");
        assertThat(warnings(v1, v2)).isEmpty();
        assertThat(warnings(v2, v3)).isEmpty();
    }

    @Test
    void aRenamedOutputColumnKeepsState() {
        String v1 = plan(COUNTS, COUNT_PER_NAME);
        String v2 =
                plan(
                        sink("counts", "customer STRING, orders BIGINT"),
                        "INSERT INTO counts SELECT name AS customer, COUNT(*) AS orders"
                                + " FROM orders GROUP BY name");
        assertThat(warnings(v1, v2)).isEmpty();
    }

    @Test
    void aColumnAddedToTheSourceAndNotUsedByStateKeepsState() {
        String v1 = plan(COUNTS, COUNT_PER_NAME);
        String wider =
                "CREATE TABLE orders (name STRING, cost DOUBLE, region STRING, note STRING,"
                        + " proc AS PROCTIME()) WITH ('connector' = 'datagen')";
        assertThat(warnings(v1, plan(wider, COUNTS, COUNT_PER_NAME))).isEmpty();
    }

    @Test
    void aSourceKeyColumnOfAnotherTypeCannotRestore() {
        String v1 = plan(COUNTS, COUNT_PER_NAME);
        String retyped =
                "CREATE TABLE orders (name INT, cost DOUBLE, region STRING, proc AS PROCTIME())"
                        + " WITH ('connector' = 'datagen')";
        String v2 = plan(retyped, sink("counts", "name INT, cnt BIGINT"), COUNT_PER_NAME);
        assertThat(warnings(v1, v2))
                .singleElement()
                .asString()
                .contains("GroupAggregate over keys [name]")
                .contains("group keys changed from [name VARCHAR(2147483647)] to [name INT]");
    }

    @Test
    void changedGroupKeysCannotRestore() {
        String v1 = plan(COUNTS, COUNT_PER_NAME);
        String v2 =
                plan(
                        sink("counts", "name STRING, region STRING, cnt BIGINT"),
                        "INSERT INTO counts SELECT name, region, COUNT(*) FROM orders"
                                + " GROUP BY name, region");
        assertThat(warnings(v1, v2))
                .singleElement()
                .asString()
                .startsWith("GroupAggregate over keys [name]: group keys changed from")
                .contains("to [name VARCHAR(2147483647), region VARCHAR(2147483647)]")
                .contains("its state cannot be restored");
    }

    @Test
    void aKeyReadingAnotherColumnOfTheSameTypeCannotRestore() {
        String v1 = plan(COUNTS, COUNT_PER_NAME);
        String v2 =
                plan(
                        COUNTS,
                        "INSERT INTO counts SELECT region, COUNT(*) FROM orders GROUP BY region");
        assertThat(warnings(v1, v2))
                .singleElement()
                .asString()
                .contains("group keys changed from [name VARCHAR(2147483647)] to [region");
    }

    @Test
    void aKeyDerivedDifferentlyCannotRestore() {
        String v1 =
                plan(
                        COUNTS,
                        COUNT_PER_NAME
                                .replace("SELECT name", "SELECT LOWER(name)")
                                .replace("GROUP BY name", "GROUP BY LOWER(name)"));
        String v2 =
                plan(
                        COUNTS,
                        COUNT_PER_NAME
                                .replace("SELECT name", "SELECT UPPER(name)")
                                .replace("GROUP BY name", "GROUP BY UPPER(name)"));
        assertThat(warnings(v1, v2))
                .singleElement()
                .asString()
                .contains(
                        "group keys changed from [LOWER(name) VARCHAR(2147483647)] to [UPPER(name)");
    }

    @Test
    void anAddedAggregateCannotRestore() {
        String v1 = plan(COUNTS, COUNT_PER_NAME);
        String v2 =
                plan(
                        sink("counts", "name STRING, cnt BIGINT, total DOUBLE"),
                        "INSERT INTO counts SELECT name, COUNT(*), SUM(cost) FROM orders"
                                + " GROUP BY name");
        assertThat(warnings(v1, v2))
                .singleElement()
                .asString()
                .contains(
                        "aggregate functions changed from [COUNT()] to [COUNT(), SUM(cost"
                                + " DOUBLE)]");
    }

    @Test
    void aChangedWindowSizeCannotRestore() {
        String v1 = plan(WINDOWS, windowed(1));
        String v2 = plan(WINDOWS, windowed(5));
        assertThat(warnings(v1, v2))
                .singleElement()
                .asString()
                .startsWith("WindowAggregate over keys [name]: window changed from")
                .contains("PT1M")
                .contains("PT5M");
    }

    @Test
    void aProjectionChangedAfterAWindowKeepsState() {
        String v1 = plan(WINDOWS, windowed(1));
        String v2 =
                plan(
                        sink("windows", "window_start TIMESTAMP(3), name STRING, cnt BIGINT"),
                        windowed(1)
                                .replace(
                                        "SELECT window_start, name",
                                        "SELECT window_start," + " UPPER(name)"));
        assertThat(warnings(v1, v2)).isEmpty();
    }

    @Test
    void anAddedJoinBeforeTheAggregateCannotRestore() {
        String v1 = plan(COUNTS, COUNT_PER_NAME);
        String v2 =
                plan(
                        COUNTS,
                        "INSERT INTO counts SELECT o.name, COUNT(*) FROM orders o"
                                + " JOIN customers c ON o.name = c.name GROUP BY o.name");
        assertThat(warnings(v1, v2))
                .anyMatch(
                        w ->
                                w.startsWith(
                                        "GroupAggregate over keys [name]: no operator of the"
                                                + " new plan takes its place"))
                .anyMatch(w -> w.startsWith("Join over keys [name]: new stateful operator"));
    }

    @Test
    void aColumnAddedToAJoinedSideCannotRestoreTheRowsTheJoinKeeps() {
        String joined = sink("joined", "name STRING, tier STRING");
        String v1 =
                plan(
                        joined,
                        "INSERT INTO joined SELECT o.name, c.tier FROM orders o"
                                + " JOIN customers c ON o.name = c.name");
        String v2 =
                plan(
                        sink("joined", "name STRING, tier STRING, cost DOUBLE"),
                        "INSERT INTO joined SELECT o.name, c.tier, o.cost FROM orders o"
                                + " JOIN customers c ON o.name = c.name");
        assertThat(warnings(v1, v2))
                .singleElement()
                .asString()
                .contains(
                        "left rows kept in state changed from [VARCHAR(2147483647)] to"
                                + " [VARCHAR(2147483647), DOUBLE]");
    }

    @Test
    void aTopNOverAnotherPartitionCannotRestore() {
        String top = sink("top", "name STRING, cost DOUBLE");
        String v1 = plan(top, topN("name"));
        String v2 = plan(top, topN("region"));
        assertThat(warnings(v1, v2))
                .anyMatch(
                        w ->
                                w.startsWith(
                                        "Rank over keys [name]: partition keys changed from"
                                                + " [name VARCHAR(2147483647)] to [region"))
                .anyMatch(w -> w.startsWith("Rank over keys [name]: rows kept in state changed"));
        assertThat(warnings(v1, plan(top, topN("name")))).isEmpty();
    }

    @Test
    void aChangedStateTtlIsFlagged() {
        String v1 = plan(COUNTS, COUNT_PER_NAME);
        String v2 = TestingJobs.planWith("table.exec.state.ttl", "1 h", COUNTS, COUNT_PER_NAME);
        assertThat(warnings(v1, v2))
                .singleElement()
                .asString()
                .contains(
                        "state TTL changed from [groupAggregateState=0 ms] to"
                                + " [groupAggregateState=1 h]");
    }

    @Test
    void readingAnotherTableLosesTheReadPositionAndTheCounts() {
        String v1 = plan(COUNTS, COUNT_PER_NAME);
        String v2 = plan(COUNTS, COUNT_PER_NAME.replace("FROM orders", "FROM refunds"));
        assertThat(warnings(v1, v2))
                .anyMatch(
                        w ->
                                w.startsWith(
                                        "TableSourceScan of `default_catalog`.`default_database`.`orders`: the new version no longer reads this table"))
                .anyMatch(
                        w ->
                                w.startsWith(
                                        "GroupAggregate over keys [name]: no operator of the new plan takes its place"))
                .anyMatch(
                        w ->
                                w.startsWith(
                                        "GroupAggregate over keys [name]: new stateful operator"));
    }

    @Test
    void writingAnotherTableDropsWhatTheOldSinkKept() {
        String v1 = plan(COUNTS, COUNT_PER_NAME);
        String v2 =
                plan(
                        sink("totals", "name STRING, cnt BIGINT"),
                        COUNT_PER_NAME.replace("INTO counts", "INTO totals"));
        assertThat(warnings(v1, v2))
                .singleElement()
                .asString()
                .startsWith(
                        "Sink of `default_catalog`.`default_database`.`counts`: the new version no"
                                + " longer writes this table");
    }

    @Test
    void aPlanThatIsNotJsonIsRefusedWithWhereAndWhatToPass() {
        assertThatThrownBy(() -> StateCompatibility.check("{\"nodes\": [", "{}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("old plan is not JSON at line 1")
                .hasMessageContaining("CompiledPlan.asJsonString()");
        assertThatThrownBy(() -> StateCompatibility.check("{\"nodes\": []}", "SELECT 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("new plan is not JSON");
    }

    static String topN(String partition) {
        return "INSERT INTO top SELECT name, cost FROM (SELECT name, cost, ROW_NUMBER() OVER"
                + " (PARTITION BY "
                + partition
                + " ORDER BY cost DESC) AS rn FROM orders) WHERE rn <= 3";
    }

    static String windowed(int minutes) {
        return "INSERT INTO windows SELECT window_start, name, COUNT(*) FROM TABLE(TUMBLE(TABLE"
                + " orders, DESCRIPTOR(proc), INTERVAL '"
                + minutes
                + "' MINUTE)) GROUP BY window_start, window_end, name";
    }
}
