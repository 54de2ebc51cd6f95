package io.flotilla.dsl.run;

import io.flotilla.dsl.DslException;
import io.flotilla.dsl.Secrets;
import io.flotilla.dsl.job.BuiltJob;
import io.flotilla.dsl.lineage.Lineage;
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
        requireSecrets(job, Secrets.of(System.getenv()));
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

    /**
     * Refuses to submit a job whose tables read a secret option from an environment variable that
     * is not set here: the connector would otherwise fail later, on a TaskManager, less clearly.
     */
    static void requireSecrets(BuiltJob job, Secrets secrets) {
        if (job.tables().all().stream().allMatch(t -> t.secretOptions().isEmpty())) {
            // Nothing to check: spare the extra planning.
            return;
        }
        Lineage lineage = LineageExtractor.of(job);
        for (Lineage.TableRef ref :
                java.util.stream.Stream.concat(lineage.reads().stream(), lineage.writes().stream())
                        .toList()) {
            if (!job.tables().contains(ref.name())) {
                continue;
            }
            var def = job.tables().get(ref.name());
            def.secretOptions()
                    .forEach(
                            (key, variable) -> {
                                if (secrets.get(variable).isEmpty()) {
                                    throw new DslException(
                                            "job '"
                                                    + job.name()
                                                    + "' ("
                                                    + job.declaredBy()
                                                    + "): table '"
                                                    + def.name()
                                                    + "' (declared in "
                                                    + def.origin()
                                                    + ") reads its option '"
                                                    + key
                                                    + "' from the environment variable "
                                                    + variable
                                                    + ", which is not set where the job is"
                                                    + " submitted; set it in the JobManager's"
                                                    + " environment");
                                }
                            });
        }
    }
}
