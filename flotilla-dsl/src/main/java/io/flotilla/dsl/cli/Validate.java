package io.flotilla.dsl.cli;

import io.flotilla.dsl.DslException;
import io.flotilla.dsl.job.BuiltJob;
import io.flotilla.dsl.lineage.Lineage;
import io.flotilla.dsl.lineage.LineageExtractor;
import io.flotilla.dsl.run.JobArgs;
import io.flotilla.dsl.run.JobPlan;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * {@code flotilla validate <job>}: plans the job locally, as the cluster would, without submitting;
 * prints its lineage and exits 0 if it is valid, or prints where and why it is not and exits 1;
 * with {@code --previous-plan} also warns of the running version's state it cannot keep (exit 3).
 */
public final class Validate {

    private Validate() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /** Valid, and keeps all the previous version's state when given its plan. */
    public static final int VALID = 0;

    public static final int INVALID = 1;
    public static final int BAD_COMMAND_LINE = 2;

    /** Valid, but the previous version's savepoint cannot restore all of its state. */
    public static final int LOSES_STATE = 3;

    /**
     * 0 valid (and compatible with {@code --previous-plan}), 1 invalid job, 2 bad command line, 3
     * valid but state of the previous version cannot be restored.
     */
    public static int run(
            String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        JobArgs parsed;
        try {
            parsed = JobArgs.parse(List.of(args));
        } catch (DslException e) {
            err.println("flotilla validate: " + e.getMessage());
            return BAD_COMMAND_LINE;
        }
        try {
            BuiltJob job = parsed.build(Validate.class.getClassLoader(), env);
            job.explain();
            Lineage lineage = LineageExtractor.of(job);
            JobPlan plan = parsed.compiledPlan() ? JobPlan.of(job, parsed) : null;
            out.println("valid: job '" + job.name() + "' (" + job.declaredBy() + ")");
            out.println(lineage.toJson());
            if (plan == null) {
                return VALID;
            }
            plan.saveIfAsked(parsed);
            if (parsed.savePlan() != null) {
                out.println("plan saved to " + parsed.savePlan());
            }
            if (parsed.previousPlan() == null) {
                return VALID;
            }
            if (plan.warnings().isEmpty()) {
                out.println(
                        "compatible with "
                                + parsed.previousPlan()
                                + ": every stateful operator keeps its state");
                return VALID;
            }
            out.println(
                    "state warnings against "
                            + parsed.previousPlan()
                            + ": "
                            + plan.warnings().size());
            plan.warnings().forEach(w -> out.println("warning: " + w.message()));
            return LOSES_STATE;
        } catch (DslException | IllegalArgumentException e) {
            err.println("flotilla validate: " + e.getMessage());
            return INVALID;
        } catch (RuntimeException e) {
            // A connector or format that checks its options on planning throws its own kinds.
            err.println("flotilla validate: " + e);
            return INVALID;
        }
    }
}
