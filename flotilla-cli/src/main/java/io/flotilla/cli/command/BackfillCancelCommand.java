package io.flotilla.cli.command;

import io.flotilla.cli.Cli;
import io.flotilla.cli.CliFailure;
import io.flotilla.cli.config.CliSettings;
import io.flotilla.supervisor.api.BackfillStatus;
import io.flotilla.supervisor.api.BackfillView;
import io.flotilla.supervisor.api.SupervisorClient;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flotilla backfill-cancel <deployment> <id>}: asks the leader to cancel a running
 * backfill's batch job (never the streaming job) and follows it until it ended.
 */
@Command(
        name = "backfill-cancel",
        mixinStandardHelpOptions = true,
        description =
                "Cancel a RUNNING backfill of a deployment: its batch job is cancelled (the rows it"
                        + " wrote stay) and it ends CANCELED; the streaming job is untouched.")
public final class BackfillCancelCommand implements Callable<Integer> {

    private final Cli cli;

    @Parameters(index = "0", paramLabel = "<deployment>", description = "The deployment's name.")
    String deployment;

    @Parameters(
            index = "1",
            paramLabel = "<id>",
            description = "The backfill's number, as 'flotilla backfill' printed it.")
    String id;

    @Option(names = "--no-wait", description = "Return once the cancel was recorded.")
    boolean noWait;

    public BackfillCancelCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        if (!id.matches("[0-9]{1,18}")) {
            throw CliFailure.badInput(
                    "<id> '"
                            + id
                            + "' is not a backfill number: give the number 'flotilla backfill'"
                            + " printed (backfill N of ...)");
        }
        SupervisorClient api = cli.supervisor();
        BackfillView v = api.cancelBackfill(deployment, Long.parseLong(id));
        cli.output()
                .progress(
                        "cancel of backfill "
                                + v.id()
                                + " of "
                                + deployment
                                + " requested by "
                                + v.cancelRequestedBy()
                                + " (job "
                                + v.jobId()
                                + ")");
        if (noWait) {
            cli.output().document(v);
            return 0;
        }
        Duration limit = cli.get(CliSettings.WAIT_TIMEOUT);
        long deadline = System.nanoTime() + limit.toNanos();
        while (v.status() == BackfillStatus.RUNNING) {
            if (System.nanoTime() > deadline) {
                throw CliFailure.failed(
                        "backfill "
                                + v.id()
                                + " of "
                                + deployment
                                + " is not cancelled after "
                                + limit.toSeconds()
                                + " s; the leader cancels it at its next round: GET"
                                + " /v1/deployments/"
                                + deployment
                                + "/backfills/"
                                + v.id());
            }
            Follow.sleep(Follow.POLL);
            v = api.backfill(deployment, v.id());
        }
        cli.output().progress("done: backfill " + v.id() + " " + v.status());
        cli.output().document(v);
        return 0;
    }
}
