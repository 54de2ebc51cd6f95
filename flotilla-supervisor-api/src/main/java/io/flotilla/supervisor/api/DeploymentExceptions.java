package io.flotilla.supervisor.api;

import java.util.List;

/**
 * {@code GET /v1/deployments/{name}/exceptions}: the current job's newest failure (null when it
 * never failed) and its exception history, newest first.
 */
public record DeploymentExceptions(
        String deployment,
        String cluster,
        String jobId,
        JobFailure rootCause,
        List<JobFailure> history,
        boolean truncated) {}
