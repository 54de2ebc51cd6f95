package io.flotilla.cli.command;

import io.flotilla.cli.Cli;
import io.flotilla.cli.CliFailure;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code flotilla completion bash}: the shell completion script, from the command tree. */
@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        description =
                "Print the shell completion script: source <(bin/flotilla completion bash) (bash"
                        + " and zsh).")
public final class CompletionCommand implements Callable<Integer> {

    private final Cli cli;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SHELL", defaultValue = "bash", description = "bash or zsh.")
    String shell;

    public CompletionCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            throw CliFailure.badInput("completion: shell must be bash or zsh, got '" + shell + "'");
        }
        cli.out().print(AutoComplete.bash("flotilla", spec.root().commandLine()));
        cli.out().flush();
        return 0;
    }
}
