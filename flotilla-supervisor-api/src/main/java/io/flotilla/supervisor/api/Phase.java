package io.flotilla.supervisor.api;

/** Where a deployment stands, as the API shows it. */
public enum Phase {
    PENDING,
    STARTING,
    RUNNING,
    UPGRADING,
    STOPPING,
    STOPPED,
    FAILED,
    ROLLING_BACK,
    UNKNOWN,
    /** A bounded job ended by itself; not started again until the spec changes. */
    FINISHED,
    /** Retrying stopped (nothing restorable, or a crash loop): the status's attention says why. */
    NEEDS_ATTENTION,
    /**
     * No cluster has room for the next job, or none runs a Flink version in the spec's range: the
     * status's waiting says which and what to change.
     */
    WAITING_FOR_SLOTS
}
