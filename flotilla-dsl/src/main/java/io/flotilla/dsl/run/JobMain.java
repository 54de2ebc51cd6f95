package io.flotilla.dsl.run;

import io.flotilla.dsl.job.BuiltJob;
import io.flotilla.dsl.lineage.LineageExtractor;
import io.flotilla.dsl.upgrade.StableIdentity;
import java.io.PrintStream;
import java.util.List;
import org.apache.flink.table.api.TableResult;

/**
 * Entry point of the job runtime: builds the job named by {@code --job} and submits it as one
 * statement set (from its compiled plan, aligned to the previous version's, with {@code
 * --previous-plan}/{@code --save-plan}), or prints its plan ({@code --plan}) or lineage ({@code
 * --lineage}).
 */
public final class JobMain {

    private JobMain() {}

    public static void main(String[] args) {
        run(args, System.out);
    }

    /** Runs the command line; returns the submitted job's result, or null in plan/lineage modes. */
    public static TableResult run(String[] args, PrintStream out) {
        JobArgs parsed = JobArgs.parse(List.of(args));
        BuiltJob job =
                parsed.build(Thread.currentThread().getContextClassLoader(), System.getenv());
        if (parsed.plan()) {
            out.println(job.explain());
            return null;
        }
        if (parsed.lineage()) {
            out.println(LineageExtractor.of(job).toJson());
            return null;
        }
        TableResult result;
        if (parsed.compiledPlan()) {
            JobPlan plan = JobPlan.of(job, parsed);
            plan.warnings().forEach(w -> out.println("warning: " + w.message()));
            result = StableIdentity.execute(job.tableEnv(), plan.json());
            // Saved once submitted, so a plan that never ran is never the next version's base.
            plan.saveIfAsked(parsed);
        } else {
            result = job.execute();
        }
        result.getJobClient()
                .ifPresent(
                        c -> out.println("submitted job '" + job.name() + "' as " + c.getJobID()));
        return result;
    }
}
