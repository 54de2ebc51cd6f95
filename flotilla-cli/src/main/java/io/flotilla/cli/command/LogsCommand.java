package io.flotilla.cli.command;

import io.flotilla.cli.ApiErrors;
import io.flotilla.cli.Cli;
import io.flotilla.cli.CliFailure;
import io.flotilla.http.ApiCallException;
import io.flotilla.supervisor.api.DeploymentLogPage;
import io.flotilla.supervisor.api.LogQuery;
import io.flotilla.supervisor.api.LogSource;
import io.flotilla.supervisor.api.SupervisorClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flotilla logs <deployment> [--follow] [--taskmanager]}: the JobManager's (or a
 * TaskManager's) log of the cluster the job runs on, through the supervisor and its sidecar.
 */
@Command(
        name = "logs",
        mixinStandardHelpOptions = true,
        description =
                "Print the log of the cluster a deployment runs on: its JobManager's, or with"
                        + " --taskmanager its TaskManager's; --follow keeps printing.")
public final class LogsCommand implements Callable<Integer> {

    private final Cli cli;

    @Parameters(paramLabel = "<deployment>", description = "The deployment's name.")
    String deployment;

    @Option(
            names = {"-f", "--follow"},
            description = "Keep printing new lines until Ctrl-C.")
    boolean follow;

    @Option(names = "--taskmanager", description = "The TaskManager's log, not the JobManager's.")
    boolean taskmanager;

    @Option(
            names = "--lines",
            defaultValue = "200",
            paramLabel = "N",
            description = "How many of the newest lines to start with (default ${DEFAULT-VALUE}).")
    int lines;

    @Option(
            names = "--all",
            description = "Every line of the log, not only those naming the deployment's job.")
    boolean all;

    public LogsCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        SupervisorClient api = cli.supervisor();
        LogSource source = taskmanager ? LogSource.TASKMANAGER : LogSource.JOBMANAGER;
        DeploymentLogPage page;
        try {
            page = api.logs(deployment, new LogQuery(source, null, null, null, null, lines, all));
        } catch (ApiCallException e) {
            // The supervisor names its query parameter; the CLI user needs the flag.
            CliFailure f = ApiErrors.translate(e, () -> api.api().base());
            throw new CliFailure(
                    f.exitCode(), f.getMessage().replace("pass all=true", "pass --all"), e);
        }
        List<String> printed = new ArrayList<>(page.lines());
        if (!cli.output().json()) {
            page.lines().forEach(cli.out()::println);
        }
        while (follow) {
            Follow.sleep(Duration.ofSeconds(1));
            page =
                    api.logs(
                            deployment,
                            new LogQuery(source, null, null, page.next(), null, 1000, all));
            page.lines().forEach(cli.out()::println);
            cli.out().flush();
            printed.addAll(page.lines());
        }
        Map<String, Object> doc = new java.util.LinkedHashMap<>();
        doc.put("deployment", deployment);
        doc.put("cluster", page.cluster());
        doc.put("source", source.name().toLowerCase(java.util.Locale.ROOT));
        doc.put("jobId", page.jobId());
        doc.put("next", page.next());
        doc.put("lines", printed);
        cli.output().document(doc);
        return 0;
    }
}
