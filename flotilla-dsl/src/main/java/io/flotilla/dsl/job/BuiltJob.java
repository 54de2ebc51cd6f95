package io.flotilla.dsl.job;

import io.flotilla.dsl.DslException;
import io.flotilla.dsl.function.FunctionDef;
import io.flotilla.dsl.table.Tables;
import io.flotilla.dsl.upgrade.StableIdentity;
import java.util.List;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

/**
 * A job after {@code build}: its statement set (every sink), the tables it turned into streams, and
 * the catalog it used; planning and execution happen here.
 */
public record BuiltJob(
        String name,
        String declaredBy,
        StreamTableEnvironment tableEnv,
        StatementSet statements,
        List<Table> streamedTables,
        Tables tables,
        List<JobContext.Insert> inserts,
        List<FunctionDef> functions) {

    /**
     * Flink's explanation of the whole job: syntax tree, optimized physical and execution plans.
     */
    public String explain() {
        return Errors.planning(this, statements::explain);
    }

    /** The optimized execution plan only: what runs, independent of how the job was written. */
    public String optimizedPlan() {
        return PlanText.section(explain(), "== Optimized Execution Plan ==");
    }

    /**
     * The job's compiled plan (JSON), with the uid options of {@link StableIdentity} set, so that a
     * later version can be aligned to it; a job with DataStream steps has none.
     */
    public String compiledPlan() {
        if (!streamedTables.isEmpty()) {
            throw new DslException(
                    "job '"
                            + name
                            + "' ("
                            + declaredBy
                            + ") turns a table into a DataStream (toDataStream), which Flink cannot"
                            + " put in a compiled plan, so its operators have no stable identity:"
                            + " run it without --previous-plan/--save-plan, or write the step in"
                            + " SQL or the Table API");
        }
        StableIdentity.apply(tableEnv.getConfig());
        return Errors.planning(this, () -> statements.compilePlan().asJsonString());
    }

    /** Submits the job: one statement set, so all sinks run in one Flink job. */
    public TableResult execute() {
        return Errors.planning(this, statements::execute);
    }

    static void requireInserts(String name, String declaredBy, List<JobContext.Insert> inserts) {
        if (inserts.isEmpty()) {
            throw new DslException(
                    "job '"
                            + name
                            + "' ("
                            + declaredBy
                            + ") writes no table: add ctx.insertInto(...) or an INSERT statement");
        }
    }
}
