package io.flotilla.supervisor.http;

import io.flotilla.supervisor.port.ClusterLogs;
import io.flotilla.supervisor.port.ClusterLogs.Failure;
import io.flotilla.supervisor.port.ClusterLogs.LogSource;
import java.util.List;

/** The bodies of the per-deployment log and exception routes. */
final class LogViews {

    private LogViews() {}

    /**
     * {@code GET /v1/deployments/{name}/logs}: a page of a log of the cluster the deployment's job
     * runs on; pass {@code next} as offset for newer lines, {@code previous} as before for older.
     */
    record DeploymentLogPage(
            String deployment,
            String cluster,
            LogSource source,
            String taskManager,
            List<String> taskManagers,
            String file,
            String jobId,
            long offset,
            long end,
            Long previous,
            long next,
            int limit,
            List<String> lines) {

        static DeploymentLogPage of(String deployment, ClusterLogs.LogPage p) {
            return new DeploymentLogPage(
                    deployment,
                    p.cluster(),
                    p.source(),
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
    }

    /** {@code GET /v1/deployments/{name}/exceptions}: the current job's failures, newest first. */
    record DeploymentExceptions(
            String deployment,
            String cluster,
            String jobId,
            Failure rootCause,
            List<Failure> history,
            boolean truncated) {

        static DeploymentExceptions of(String deployment, ClusterLogs.JobFailures f) {
            return new DeploymentExceptions(
                    deployment, f.cluster(), f.jobId(), f.rootCause(), f.history(), f.truncated());
        }
    }
}
