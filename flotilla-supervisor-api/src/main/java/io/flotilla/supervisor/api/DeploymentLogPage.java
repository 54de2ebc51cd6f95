package io.flotilla.supervisor.api;

import java.util.List;

/**
 * {@code GET /v1/deployments/{name}/logs}: a page of a log of the cluster the deployment's job runs
 * on, spanning bytes {@code offset} to {@code end}; pass {@code next} as offset for newer lines
 * (also to follow the log), {@code previous} as before for older ones (null at the start). {@code
 * taskManagers} lists the cluster's TaskManagers when one was read.
 */
public record DeploymentLogPage(
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
        List<String> lines) {}
