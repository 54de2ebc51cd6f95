package io.flotilla.supervisor.api;

import io.swagger.v3.oas.annotations.media.Schema;
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
        @Schema(
                        description =
                                "the file read; null when the main log was read and the listing"
                                        + " does not tell its name")
                String file,
        String jobId,
        long offset,
        long end,
        @Schema(description = "pass as before for older lines; null at the start") Long previous,
        @Schema(description = "pass as offset for newer lines (also to follow the log)") long next,
        int limit,
        List<String> lines) {}
