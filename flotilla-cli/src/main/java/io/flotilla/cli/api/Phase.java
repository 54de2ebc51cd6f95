package io.flotilla.cli.api;

/** Where a deployment stands, as the supervisor reports it. */
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
    FINISHED,
    NEEDS_ATTENTION
}
