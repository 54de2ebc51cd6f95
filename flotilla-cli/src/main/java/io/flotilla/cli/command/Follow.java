package io.flotilla.cli.command;

import io.flotilla.cli.Cli;
import io.flotilla.cli.CliFailure;
import io.flotilla.cli.ExitCode;
import io.flotilla.cli.config.CliSettings;
import io.flotilla.cli.output.Output;
import io.flotilla.supervisor.api.DeploymentView;
import io.flotilla.supervisor.api.Phase;
import io.flotilla.supervisor.api.StatusView;
import java.time.Duration;
import java.util.Objects;

/**
 * Follows a long operation with one progress line per change of phase, job or checkpoint, until its
 * goal is reached (exit 0), the deployment fails (exit 1, with the cause) or the wait times out.
 */
final class Follow {

    /** What a followed operation waits for. */
    interface Goal {
        /** Done, failed, or null to keep following. */
        ExitCode check(DeploymentView d);

        String describe();
    }

    static final Duration POLL = Duration.ofMillis(500);

    private Follow() {}

    /** RUNNING with a completed checkpoint of a job other than {@code previousJobId}. */
    static Goal runningWithCheckpoint(String previousJobId) {
        return new Goal() {
            @Override
            public ExitCode check(DeploymentView d) {
                StatusView s = d.status();
                // FAILED, or a submission the cluster refused (the supervisor keeps the error and
                // retries with backoff): either way the job is not coming up by itself.
                if (d.phase() == Phase.FAILED
                        || (s.error() != null && d.phase() != Phase.RUNNING && s.retries() > 0)) {
                    return ExitCode.FAILED;
                }
                boolean done =
                        d.phase() == Phase.RUNNING
                                && s.jobId() != null
                                && !s.jobId().equals(previousJobId)
                                && s.lastCheckpoint() != null
                                && s.lastCheckpoint().contains(s.jobId());
                return done ? ExitCode.DONE : null;
            }

            @Override
            public String describe() {
                return "RUNNING with a checkpoint";
            }
        };
    }

    /** STOPPED. */
    static Goal stopped() {
        return new Goal() {
            @Override
            public ExitCode check(DeploymentView d) {
                // A FAILED job being stopped is still stopped: no failure shortcut here.
                return d.phase() == Phase.STOPPED ? ExitCode.DONE : null;
            }

            @Override
            public String describe() {
                return "STOPPED";
            }
        };
    }

    /** Follows {@code name} until {@code goal}; returns the last deployment seen. */
    static DeploymentView until(Cli cli, String name, Goal goal) {
        Output out = cli.output();
        Duration limit = cli.get(CliSettings.WAIT_TIMEOUT);
        long deadline = System.nanoTime() + limit.toNanos();
        String last = null;
        while (true) {
            DeploymentView d = cli.supervisor().deployment(name);
            String line = line(d);
            if (!Objects.equals(line, last)) {
                out.progress(line);
                last = line;
            }
            ExitCode result = goal.check(d);
            if (result == ExitCode.FAILED) {
                throw new CliFailure(
                        ExitCode.FAILED,
                        name
                                + " FAILED: "
                                + (d.status().error() == null
                                        ? "no cause given"
                                        : d.status().error())
                                + " (the supervisor retries with backoff; see 'flotilla events "
                                + name
                                + "', fix the job and deploy again, or 'flotilla stop "
                                + name
                                + "')");
            }
            if (result == ExitCode.DONE) {
                return d;
            }
            if (System.nanoTime() > deadline) {
                throw CliFailure.failed(
                        name
                                + " is not "
                                + goal.describe()
                                + " after "
                                + limit.toSeconds()
                                + " s (it is "
                                + d.phase()
                                + "); the supervisor goes on: follow it with 'flotilla status "
                                + name
                                + "'");
            }
            sleep(POLL);
        }
    }

    /** {@code RUNNING job 5c74... checkpoint chk-20}: what changed since the last line. */
    static String line(DeploymentView d) {
        StatusView s = d.status();
        StringBuilder b = new StringBuilder().append(d.phase());
        b.append(" job ").append(s == null || s.jobId() == null ? "-" : s.jobId());
        if (s != null
                && s.lastCheckpoint() != null
                && s.jobId() != null
                && s.lastCheckpoint().contains(s.jobId())) {
            b.append(" checkpoint ").append(tail(s.lastCheckpoint()));
        }
        if (s != null && s.release() != null) {
            b.append(" (release in progress, savepoint ")
                    .append(s.release().savepoint())
                    .append(")");
        }
        if (s != null && s.error() != null) {
            b.append(" (").append(s.error()).append(")");
        }
        return b.toString();
    }

    static String tail(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliFailure.failed("interrupted");
        }
    }
}
