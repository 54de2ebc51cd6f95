package io.flotilla.supervisor.http;

import io.flotilla.supervisor.api.DeploymentExceptions;
import io.flotilla.supervisor.api.DeploymentLogPage;
import io.flotilla.supervisor.api.JobFailure;
import io.flotilla.supervisor.api.LogSource;
import io.flotilla.supervisor.port.ClusterLogs;

/** The port's log pages and failures as the API's public records. */
final class LogViews {

    private LogViews() {}

    static DeploymentLogPage page(String deployment, ClusterLogs.LogPage p) {
        return new DeploymentLogPage(
                deployment,
                p.cluster(),
                LogSource.valueOf(p.source().name()),
                p.taskManager(),
                p.taskManagers(),
                p.file(),
                p.jobId(),
                p.offset(),
                p.end(),
                p.previous(),
                p.next(),
                p.limit(),
                p.lines());
    }

    static DeploymentExceptions exceptions(String deployment, ClusterLogs.JobFailures f) {
        return new DeploymentExceptions(
                deployment,
                f.cluster(),
                f.jobId(),
                f.rootCause() == null ? null : failure(f.rootCause()),
                f.history().stream().map(LogViews::failure).toList(),
                f.truncated());
    }

    private static JobFailure failure(ClusterLogs.Failure f) {
        return new JobFailure(
                f.time(), f.exception(), f.cause(), f.stacktrace(), f.taskName(), f.taskManager());
    }
}
