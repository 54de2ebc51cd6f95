package io.flotilla.supervisor.api;

/** Where a release stands: being proven, asked for, rolled back, or done. */
public enum ReleaseStatus {
    IN_PROGRESS,
    REQUESTED,
    ROLLED_BACK,
    DONE
}
