package io.flotilla.dsl.cli;

import io.flotilla.dsl.DslException;
import io.flotilla.dsl.job.BuiltJob;
import io.flotilla.dsl.lineage.Lineage;
import io.flotilla.dsl.lineage.LineageExtractor;
import io.flotilla.dsl.run.JobArgs;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * {@code flotilla validate <job>}: plans the job locally, as the cluster would, without submitting;
 * prints its lineage and exits 0 if it is valid, or prints where and why it is not and exits 1.
 */
public final class Validate {

    private Validate() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /** 0 valid, 1 invalid job, 2 bad command line. */
    public static int run(
            String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        JobArgs parsed;
        try {
            parsed = JobArgs.parse(List.of(args));
        } catch (DslException e) {
            err.println("flotilla validate: " + e.getMessage());
            return 2;
        }
        try {
            BuiltJob job = parsed.build(Validate.class.getClassLoader(), env);
            job.explain();
            Lineage lineage = LineageExtractor.of(job);
            out.println("valid: job '" + job.name() + "' (" + job.declaredBy() + ")");
            out.println(lineage.toJson());
            return 0;
        } catch (DslException | IllegalArgumentException e) {
            err.println("flotilla validate: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            // A connector or format that checks its options on planning throws its own kinds.
            err.println("flotilla validate: " + e);
            return 1;
        }
    }
}
