package io.flotilla.cli.command;

import io.flotilla.cli.Cli;
import io.flotilla.cli.CliFailure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * {@code flotilla validate <job> [args]}: the DSL's validation and lineage, without a cluster.
 * bin/flotilla runs it on the DSL's classpath (Flink's planner) without starting the CLI's JVM.
 */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description =
                "Plan a DSL job locally without a cluster: errors naming the table and column, or"
                        + " its lineage (tables read and written) as JSON.")
public final class ValidateCommand implements Callable<Integer> {

    private final Cli cli;

    @Parameters(index = "0", paramLabel = "<job>", description = "Class, classpath:x.yaml or file.")
    String job;

    @Unmatched List<String> rest = new ArrayList<>();

    public ValidateCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        return runTool(cli, "validate", job, rest);
    }

    /**
     * Runs {@code bin/flotilla <tool> <first> <rest>} with this terminal; returns its exit code.
     */
    static int runTool(Cli cli, String tool, String first, List<String> rest) {
        List<String> cmd = new ArrayList<>();
        cmd.add(cli.root().resolve("bin/flotilla").toString());
        cmd.add(tool);
        cmd.add(first);
        cmd.addAll(rest);
        try {
            return new ProcessBuilder(cmd).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw CliFailure.failed("cannot run " + String.join(" ", cmd) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliFailure.failed("interrupted");
        }
    }
}
