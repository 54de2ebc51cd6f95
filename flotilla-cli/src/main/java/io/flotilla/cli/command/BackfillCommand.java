package io.flotilla.cli.command;

import io.flotilla.cli.Cli;
import io.flotilla.cli.CliFailure;
import io.flotilla.cli.ExitCode;
import io.flotilla.cli.config.CliSettings;
import io.flotilla.supervisor.api.BackfillRequest;
import io.flotilla.supervisor.api.BackfillStatus;
import io.flotilla.supervisor.api.BackfillView;
import io.flotilla.supervisor.api.SupervisorClient;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flotilla backfill <deployment> --from T1 --to T2 [--into TABLE]}: the deployment's DSL job
 * re-run as a batch over a range, beside the streaming job; follows it until FINISHED or FAILED.
 */
@Command(
        name = "backfill",
        mixinStandardHelpOptions = true,
        description =
                "Re-run a deployment's DSL job as a batch over the records of [--from, --to) (Kafka"
                        + " record times, file modification times), into its sink or --into a declared"
                        + " table, beside the"
                        + " streaming job and without its state; follows it until FINISHED or"
                        + " FAILED.")
public final class BackfillCommand implements Callable<Integer> {

    private final Cli cli;

    @Parameters(paramLabel = "<deployment>", description = "The deployment's name.")
    String deployment;

    @Option(
            names = "--from",
            required = true,
            paramLabel = "T1",
            description = "Start of the range, included: an ISO instant (2026-01-01T00:00:00Z).")
    String from;

    @Option(
            names = "--to",
            required = true,
            paramLabel = "T2",
            description = "End of the range, excluded: an ISO instant, not in the future.")
    String to;

    @Option(
            names = "--into",
            paramLabel = "TABLE",
            description = "A declared table to write instead of the job's sink (same columns).")
    String into;

    @Option(names = "--no-wait", description = "Return once the backfill was requested.")
    boolean noWait;

    public BackfillCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        SupervisorClient api = cli.supervisor();
        BackfillView v =
                api.startBackfill(
                        deployment,
                        new BackfillRequest(instant("--from", from), instant("--to", to), into));
        cli.output()
                .progress(
                        "backfill "
                                + v.id()
                                + " of "
                                + deployment
                                + " ["
                                + v.from()
                                + ", "
                                + v.to()
                                + ")"
                                + (into == null ? "" : " into " + into)
                                + " requested: job "
                                + v.jobId());
        if (noWait) {
            cli.output().document(v);
            return 0;
        }
        Duration limit = cli.get(CliSettings.WAIT_TIMEOUT);
        long deadline = System.nanoTime() + limit.toNanos();
        String cluster = null;
        while (v.status() == BackfillStatus.RUNNING) {
            if (v.cluster() != null && !Objects.equals(cluster, v.cluster())) {
                cluster = v.cluster();
                cli.output().progress("running on " + cluster);
            }
            if (System.nanoTime() > deadline) {
                throw CliFailure.failed(
                        "backfill "
                                + v.id()
                                + " of "
                                + deployment
                                + " still runs after "
                                + limit.toSeconds()
                                + " s; it goes on: 'flotilla backfill "
                                + deployment
                                + " --help' or GET /v1/deployments/"
                                + deployment
                                + "/backfills/"
                                + v.id());
            }
            Follow.sleep(Follow.POLL);
            v = api.backfill(deployment, v.id());
        }
        if (v.status() == BackfillStatus.FAILED) {
            throw new CliFailure(
                    ExitCode.FAILED,
                    "backfill "
                            + v.id()
                            + " of "
                            + deployment
                            + " failed: "
                            + v.error()
                            + " (the streaming job is untouched; see 'flotilla events "
                            + deployment
                            + "')");
        }
        cli.output().progress("done: backfill " + v.id() + " FINISHED (job " + v.jobId() + ")");
        cli.output().document(v);
        return 0;
    }

    private static Instant instant(String option, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw CliFailure.badInput(
                    option
                            + " '"
                            + value
                            + "' is not an ISO instant: write it as 2026-01-01T00:00:00Z (UTC)");
        }
    }
}
