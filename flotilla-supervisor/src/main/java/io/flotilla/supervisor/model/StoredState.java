package io.flotilla.supervisor.model;

import java.time.Instant;

/**
 * One checkpoint or savepoint folder as a cluster's state listing shows it.
 *
 * @param jobId the job that wrote it, or null when only a prefix of the JobID is known
 * @param complete whether its {@code _metadata} exists: only then can a job start from it
 * @param size its objects' bytes
 */
public record StoredState(
        String path, String jobId, boolean savepoint, Instant time, boolean complete, long size) {}
