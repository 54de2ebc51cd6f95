package io.flotilla.supervisor.model;

import java.time.Instant;

/**
 * A job left behind on a cluster declared lost when its deployment moved: if that cluster answers
 * again, the job must be cancelled there before the cluster counts as healthy.
 */
public record AbandonedJob(String cluster, String jobId, String deployment, Instant abandonedAt) {}
