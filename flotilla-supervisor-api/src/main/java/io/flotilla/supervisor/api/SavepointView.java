package io.flotilla.supervisor.api;

import java.time.Instant;

/**
 * A savepoint taken on request while the job keeps running: {@code POST
 * /v1/deployments/{name}/savepoints} starts it, {@code GET .../savepoints/{operationId}} follows
 * it.
 *
 * @param location where it was written, once {@link SavepointStatus#COMPLETED}
 * @param error why it failed, once {@link SavepointStatus#FAILED}
 * @param requestedAt when it was asked for (only in the answer to the request)
 */
public record SavepointView(
        String deployment,
        String jobId,
        String cluster,
        String operationId,
        SavepointStatus status,
        String location,
        String error,
        Instant requestedAt) {}
