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
    UNKNOWN
}
