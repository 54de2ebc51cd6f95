package io.flotilla.cli;

import io.flotilla.cli.command.BackfillCancelCommand;
import io.flotilla.cli.command.BackfillCommand;
import io.flotilla.cli.command.ClustersCommand;
import io.flotilla.cli.command.CompletionCommand;
import io.flotilla.cli.command.DeployCommand;
import io.flotilla.cli.command.EventsCommand;
import io.flotilla.cli.command.LifecycleCommands;
import io.flotilla.cli.command.LineageCommand;
import io.flotilla.cli.command.ListCommand;
import io.flotilla.cli.command.LocalCommand;
import io.flotilla.cli.command.LoginCommand;
import io.flotilla.cli.command.LogsCommand;
import io.flotilla.cli.command.ReleaseCommand;
import io.flotilla.cli.command.SavepointCommand;
import io.flotilla.cli.command.SavepointsCommand;
import io.flotilla.cli.command.StatusCommand;
import io.flotilla.cli.command.ValidateCommand;
import io.flotilla.cli.config.CliSettings;
import io.flotilla.common.Setting;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/** {@code flotilla}: the command line data engineers use to run their jobs on any supervisor. */
@Command(
        name = "flotilla",
        mixinStandardHelpOptions = true,
        version = "flotilla 0.1.0-SNAPSHOT",
        description =
                "Run streaming jobs on Flotilla: deploy, release, start, stop and watch them.",
        footer = {
            "",
            "Exit codes: 0 done, 1 failed or rolled back, 2 bad input, 3 supervisor not reachable"
                    + " or not authorised.",
            "The supervisor: --url/--token-file, FLOTILLA_URL/FLOTILLA_TOKEN(_FILE), 'flotilla"
                    + " login', else the local platform in --home (.flotilla/)."
        },
        subcommands = {
            LoginCommand.class,
            ListCommand.class,
            StatusCommand.class,
            DeployCommand.class,
            ReleaseCommand.class,
            LifecycleCommands.Start.class,
            LifecycleCommands.Stop.class,
            LifecycleCommands.Restart.class,
            LifecycleCommands.Delete.class,
            LogsCommand.class,
            SavepointCommand.class,
            SavepointsCommand.class,
            BackfillCommand.class,
            BackfillCancelCommand.class,
            EventsCommand.class,
            ClustersCommand.class,
            LineageCommand.class,
            ValidateCommand.class,
            LocalCommand.class,
            CompletionCommand.class
        })
public final class FlotillaCli implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command");
    }

    public static void main(String[] args) {
        Map<String, String> props = new HashMap<>();
        System.getProperties().forEach((k, v) -> props.put(k.toString(), v.toString()));
        System.exit(run(args, new Cli(System.getenv(), props, System.out, System.err)));
    }

    /** Runs one command line; returns its exit code. */
    public static int run(String[] args, Cli cli) {
        return commandLine(cli).execute(args);
    }

    /** The command tree with every command built around {@code cli}. */
    public static CommandLine commandLine(Cli cli) {
        CommandLine cl = new CommandLine(new FlotillaCli(), new Factory(cli));
        for (Setting<?> s : CliSettings.ALL) {
            cl.getCommandSpec()
                    .addOption(
                            OptionSpec.builder("--" + s.name())
                                    .paramLabel(
                                            s.type().equals("string")
                                                    ? s.name().toUpperCase().replace('-', '_')
                                                    : s.type().toUpperCase())
                                    .description(
                                            s.description()
                                                    + (String.valueOf(s.defaultValue()).isEmpty()
                                                            ? ""
                                                            : " Default: "
                                                                    + s.defaultValue()
                                                                    + "."))
                                    .type(String.class)
                                    .scopeType(ScopeType.INHERIT)
                                    .setter(
                                            new CommandLine.Model.ISetter() {
                                                @Override
                                                public <T> T set(T value) {
                                                    if (value != null) {
                                                        cli.flag(s.name(), value.toString());
                                                    }
                                                    return null;
                                                }
                                            })
                                    .build());
        }
        cl.setOut(new PrintWriter(cli.out(), true));
        cl.setErr(new PrintWriter(cli.err(), true));
        cl.setExecutionExceptionHandler(
                (e, commandLine, parseResult) -> {
                    CliFailure translated =
                            e instanceof RuntimeException r
                                    ? ApiErrors.translate(r, cli::supervisorUrl)
                                    : null;
                    if (translated != null) {
                        e = translated;
                    }
                    if (e instanceof CliFailure f) {
                        cli.err().println("flotilla: " + f.getMessage());
                        return f.exitCode().code();
                    }
                    cli.err().println("flotilla: failed: " + e);
                    return ExitCode.FAILED.code();
                });
        cl.setParameterExceptionHandler(
                (e, args) -> {
                    cli.err().println("flotilla: " + e.getMessage());
                    CommandLine.UnmatchedArgumentException.printSuggestions(
                            e, new PrintWriter(cli.err(), true));
                    CommandLine c = e.getCommandLine();
                    cli.err()
                            .println(
                                    "usage: "
                                            + c.getCommandSpec().qualifiedName()
                                            + " ... (see '"
                                            + c.getCommandSpec().qualifiedName()
                                            + " --help')");
                    return ExitCode.BAD_INPUT.code();
                });
        return cl;
    }

    /** Builds every command with the shared {@link Cli}: constructor injection, no statics. */
    private record Factory(Cli cli) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                return cls.getDeclaredConstructor(Cli.class).newInstance(cli);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }
}
