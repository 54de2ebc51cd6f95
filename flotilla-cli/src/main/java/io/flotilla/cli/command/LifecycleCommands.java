package io.flotilla.cli.command;

import io.flotilla.cli.Cli;
import io.flotilla.cli.output.Output;
import io.flotilla.supervisor.api.Deleted;
import io.flotilla.supervisor.api.DeploymentView;
import io.flotilla.supervisor.api.Phase;
import io.flotilla.supervisor.api.StartFromSavepointRequest;
import io.flotilla.supervisor.api.SupervisorClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code start}, {@code stop}, {@code restart} and {@code delete} of one deployment. */
public final class LifecycleCommands {

    private LifecycleCommands() {}

    /** {@code flotilla start <deployment> [--from-savepoint P]}. */
    @Command(
            name = "start",
            mixinStandardHelpOptions = true,
            description =
                    "Start a deployment (from its newest state, or --from-savepoint); follows it"
                            + " until RUNNING with a checkpoint. Without a name: the local"
                            + " platform (bin/flotilla start).")
    public static final class Start implements Callable<Integer> {
        private final Cli cli;

        @Parameters(paramLabel = "<deployment>", description = "The deployment's name.")
        String deployment;

        @Option(
                names = "--from-savepoint",
                paramLabel = "PATH",
                description = "Start from this savepoint (s3://...) instead of the newest state.")
        String savepoint;

        @Option(names = "--no-wait", description = "Return once the supervisor accepted it.")
        boolean noWait;

        public Start(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            SupervisorClient api = cli.supervisor();
            DeploymentView before = api.deployment(deployment);
            if (savepoint != null) {
                api.startFromSavepoint(deployment, new StartFromSavepointRequest(savepoint, null));
                cli.output()
                        .progress("start of " + deployment + " from " + savepoint + " requested");
            } else {
                api.start(deployment, null);
                cli.output().progress("start of " + deployment + " requested");
            }
            boolean wasRunning = before.phase() == Phase.RUNNING && savepoint == null;
            return finish(
                    cli,
                    deployment,
                    noWait || wasRunning,
                    Follow.runningWithCheckpoint(before.status().jobId()));
        }
    }

    /** {@code flotilla stop <deployment>}. */
    @Command(
            name = "stop",
            mixinStandardHelpOptions = true,
            description =
                    "Stop a deployment with a savepoint; follows it until STOPPED and prints the"
                            + " savepoint. Without a name: the local platform (bin/flotilla"
                            + " stop).")
    public static final class Stop implements Callable<Integer> {
        private final Cli cli;

        @Parameters(paramLabel = "<deployment>", description = "The deployment's name.")
        String deployment;

        @Option(names = "--no-wait", description = "Return once the supervisor accepted it.")
        boolean noWait;

        public Stop(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            cli.supervisor().stop(deployment, null);
            cli.output().progress("stop of " + deployment + " requested");
            return finish(cli, deployment, noWait, Follow.stopped());
        }
    }

    /** {@code flotilla restart <deployment>}. */
    @Command(
            name = "restart",
            mixinStandardHelpOptions = true,
            description =
                    "Restart a deployment: a new job of the same build from the newest state;"
                            + " follows it until RUNNING with a checkpoint.")
    public static final class Restart implements Callable<Integer> {
        private final Cli cli;

        @Parameters(paramLabel = "<deployment>", description = "The deployment's name.")
        String deployment;

        @Option(names = "--no-wait", description = "Return once the supervisor accepted it.")
        boolean noWait;

        public Restart(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            DeploymentView before = cli.supervisor().deployment(deployment);
            cli.supervisor().restart(deployment, null);
            cli.output().progress("restart of " + deployment + " requested");
            return finish(
                    cli, deployment, noWait, Follow.runningWithCheckpoint(before.status().jobId()));
        }
    }

    /** {@code flotilla delete <deployment>}. */
    @Command(
            name = "delete",
            mixinStandardHelpOptions = true,
            description =
                    "Delete a STOPPED deployment; its state is deleted after the grace period.")
    public static final class Delete implements Callable<Integer> {
        private final Cli cli;

        @Parameters(paramLabel = "<deployment>", description = "The deployment's name.")
        String deployment;

        public Delete(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            Deleted d = cli.supervisor().delete(deployment, null);
            cli.output().either("deleted " + deployment + "\n", d);
            return 0;
        }
    }

    private static int finish(Cli cli, String name, boolean noWait, Follow.Goal goal) {
        Output out = cli.output();
        DeploymentView d;
        if (noWait) {
            d = cli.supervisor().deployment(name);
        } else {
            d = Follow.until(cli, name, goal);
            if (d.phase() == Phase.STOPPED) {
                out.progress(
                        "done: " + name + " STOPPED with savepoint " + d.status().lastSavepoint());
            } else {
                out.progress(
                        "done: "
                                + name
                                + " RUNNING with checkpoint "
                                + d.status().lastCheckpoint());
            }
        }
        out.document(d);
        return 0;
    }
}
