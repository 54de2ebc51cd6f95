package io.flotilla.supervisor.port;

/** Cancels a job without a savepoint; the next observation shows it CANCELED. */
@FunctionalInterface
public interface JobCanceller {

    void cancel(String cluster, String jobId, long fencingToken);
}
