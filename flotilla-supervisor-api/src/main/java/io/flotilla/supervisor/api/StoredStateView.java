package io.flotilla.supervisor.api;

import java.time.Instant;

/**
 * One checkpoint or savepoint of a deployment's job, as its cluster's sidecar lists it.
 *
 * @param time when it was written (its newest object)
 * @param size its objects' bytes; an incremental checkpoint's shared files are not counted
 * @param complete whether its {@code _metadata} exists: only then can a job start from it
 * @param pinned whether the supervisor keeps it for a restore (see {@link StateView#pinned})
 */
public record StoredStateView(
        String path,
        StoredKind kind,
        String jobId,
        String cluster,
        Instant time,
        long size,
        boolean complete,
        boolean pinned) {}
