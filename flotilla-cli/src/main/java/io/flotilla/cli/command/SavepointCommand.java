package io.flotilla.cli.command;

import io.flotilla.cli.Cli;
import io.flotilla.cli.CliFailure;
import io.flotilla.cli.ExitCode;
import io.flotilla.cli.config.CliSettings;
import io.flotilla.supervisor.api.SavepointStatus;
import io.flotilla.supervisor.api.SavepointView;
import io.flotilla.supervisor.api.SupervisorClient;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flotilla savepoint <deployment>}: a savepoint of the running job, which keeps running;
 * follows it until written and prints where.
 */
@Command(
        name = "savepoint",
        mixinStandardHelpOptions = true,
        description =
                "Take a savepoint of a deployment's running job (it keeps running); follows it"
                        + " until written and prints its path. 'flotilla savepoints' lists them.")
public final class SavepointCommand implements Callable<Integer> {

    private final Cli cli;

    @Parameters(paramLabel = "<deployment>", description = "The deployment's name.")
    String deployment;

    @Option(names = "--no-wait", description = "Return once the savepoint was triggered.")
    boolean noWait;

    public SavepointCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        SupervisorClient api = cli.supervisor();
        SavepointView v = api.takeSavepoint(deployment);
        cli.output()
                .progress(
                        "savepoint of "
                                + deployment
                                + " (job "
                                + v.jobId()
                                + " on "
                                + v.cluster()
                                + ") requested: operation "
                                + v.operationId());
        if (noWait) {
            cli.output().document(v);
            return 0;
        }
        Duration limit = cli.get(CliSettings.WAIT_TIMEOUT);
        long deadline = System.nanoTime() + limit.toNanos();
        while (v.status() == SavepointStatus.IN_PROGRESS) {
            if (System.nanoTime() > deadline) {
                throw CliFailure.failed(
                        "the savepoint of "
                                + deployment
                                + " is not written after "
                                + limit.toSeconds()
                                + " s; Flink goes on: 'flotilla savepoints "
                                + deployment
                                + "' lists it once written");
            }
            Follow.sleep(Follow.POLL);
            v = api.savepoint(deployment, v.operationId());
        }
        if (v.status() == SavepointStatus.FAILED) {
            throw new CliFailure(
                    ExitCode.FAILED,
                    "the savepoint of "
                            + deployment
                            + " failed: "
                            + v.error()
                            + " (the job keeps running; see 'flotilla logs "
                            + deployment
                            + "')");
        }
        cli.output().progress("done: savepoint " + v.location());
        cli.output().document(v);
        return 0;
    }
}
