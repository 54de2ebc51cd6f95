package io.flotilla.dsl.upgrade;

import static io.flotilla.dsl.upgrade.StateCompatibilityTest.COUNTS;
import static io.flotilla.dsl.upgrade.StateCompatibilityTest.COUNT_PER_NAME;
import static io.flotilla.dsl.upgrade.TestingJobs.plan;
import static io.flotilla.dsl.upgrade.TestingJobs.sink;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.table.api.PlanReference;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.internal.TableEnvironmentImpl;
import org.junit.jupiter.api.Test;

/** A new version's plan gets the old operators' uids where their state keeps its shape. */
class StableIdentityTest {

    static final String COUNTS_V2 = sink("counts", "name STRING, cnt BIGINT, version STRING");
    static final String PROJECTION_V2 =
            "INSERT INTO counts SELECT name, COUNT(*), 'v2' FROM orders GROUP BY name";
    static final String KEYS_V2 =
            "INSERT INTO counts SELECT name, COUNT(*), region FROM orders GROUP BY name, region";

    @Test
    void thePlannerNumbersNodesFromOneCounterPerJvmSoTheSameSqlGetsOtherIds() {
        String first = plan(COUNTS, COUNT_PER_NAME);
        String second = plan(COUNTS, COUNT_PER_NAME);
        assertThat(ids(second)).doesNotContainAnyElementsOf(ids(first));
    }

    @Test
    void aProjectionOnlyChangeKeepsTheUidsOfSourceAggregateAndSink() throws Exception {
        String v1 = plan(COUNTS, COUNT_PER_NAME);
        String v2 = StableIdentity.align(v1, plan(COUNTS_V2, PROJECTION_V2));

        Map<String, String> before = uids(v1);
        Map<String, String> after = uids(v2);
        assertThat(after.get("group-aggregate")).isEqualTo(before.get("group-aggregate"));
        assertThat(after.get("source")).isEqualTo(before.get("source"));
        assertThat(after.get("sink")).isEqualTo(before.get("sink"));
    }

    @Test
    void aChangedAggregateGetsAnIdTheOldPlanNeverUsed() throws Exception {
        String v1 = plan(COUNTS, COUNT_PER_NAME);
        String v2 =
                StableIdentity.align(
                        v1, plan(sink("counts", "name STRING, cnt BIGINT, r STRING"), KEYS_V2));

        assertThat(uids(v2).get("group-aggregate")).isNotEqualTo(uids(v1).get("group-aggregate"));
        assertThat(uids(v2).get("source")).isEqualTo(uids(v1).get("source"));
        assertThat(ids(v2)).doesNotHaveDuplicates();
    }

    @Test
    void aSinkKeepsItsUidWhenWhatFeedsItChanges() throws Exception {
        String v1 = plan(COUNTS, COUNT_PER_NAME);
        String v2 =
                StableIdentity.align(
                        v1,
                        plan(
                                COUNTS,
                                "INSERT INTO counts SELECT o.name, COUNT(*) FROM orders o"
                                        + " JOIN customers c ON o.name = c.name GROUP BY o.name"));
        assertThat(uids(v2).get("sink")).isEqualTo(uids(v1).get("sink"));
        assertThat(uids(v2).get("group-aggregate")).isNotEqualTo(uids(v1).get("group-aggregate"));
    }

    @Test
    void aligningAPlanWithItselfChangesNoId() {
        String v1 = plan(COUNTS, COUNT_PER_NAME);
        assertThat(ids(StableIdentity.align(v1, v1))).isEqualTo(ids(v1));
    }

    @Test
    void planCompilesAndAlignsInOneStep() throws Exception {
        String v1 = plan(COUNTS, COUNT_PER_NAME);
        TableEnvironment env =
                TestingJobs.env(List.of(TestingJobs.ORDERS, TestingJobs.CUSTOMERS, COUNTS_V2));
        String v2 = StableIdentity.plan(env, PROJECTION_V2, v1);
        assertThat(uids(v2).get("group-aggregate")).isEqualTo(uids(v1).get("group-aggregate"));
        assertThat(StableIdentity.plan(env, PROJECTION_V2, null)).contains("\"nodes\"");
    }

    private static List<Integer> ids(String plan) {
        return PlanGraph.parse(plan, "plan").nodes().stream().map(PlanNode::id).toList();
    }

    /**
     * The uid Flink will give each transformation of the loaded plan, by the transformation's name
     * in the uid ({@code 4_group-aggregate} under {@code group-aggregate}).
     */
    static Map<String, String> uids(String planJson) throws java.io.IOException {
        // No DDL: the plan carries its tables, as it does when a job runs from a stored plan.
        TableEnvironmentImpl env = (TableEnvironmentImpl) TestingJobs.env(List.of());
        var plan = env.getPlanner().loadPlan(PlanReference.fromJsonString(planJson));
        Map<String, String> uids = new TreeMap<>();
        Deque<Transformation<?>> todo = new ArrayDeque<>(env.getPlanner().translatePlan(plan));
        Set<Transformation<?>> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Transformation<?> t = todo.pop();
            if (seen.add(t)) {
                if (t.getUid() != null) {
                    uids.put(t.getUid().substring(t.getUid().indexOf('_') + 1), t.getUid());
                }
                todo.addAll(t.getInputs());
            }
        }
        return uids;
    }
}
