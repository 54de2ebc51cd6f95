package io.flotilla.cli.command;

import io.flotilla.cli.Cli;
import io.flotilla.cli.CliFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * {@code flotilla local demo|start|stop|status}: the local platform. bin/flotilla runs these in the
 * launcher's own JVM (Flink on its classpath) without starting the CLI's; this command is what help
 * and completion show, and runs bin/flotilla when reached directly.
 */
@Command(
        name = "local",
        mixinStandardHelpOptions = true,
        description =
                "The local platform in --home: demo (start it and run the example jobs), start,"
                        + " stop, status, settings.")
public final class LocalCommand implements Callable<Integer> {

    private final Cli cli;

    @Parameters(
            index = "0",
            paramLabel = "COMMAND",
            description = "demo, start, stop, status or settings.")
    String command;

    @Unmatched List<String> rest = new ArrayList<>();

    public LocalCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        if (!List.of("demo", "start", "stop", "status", "settings").contains(command)) {
            throw CliFailure.badInput(
                    "local: unknown command '"
                            + command
                            + "': use demo, start, stop, status or settings");
        }
        return ValidateCommand.runTool(cli, "local", command, rest);
    }
}
