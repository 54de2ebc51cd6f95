package io.flotilla.supervisor.api;

/** Where a savepoint taken on request stands. */
public enum SavepointStatus {
    /** Flink is writing it: ask again. */
    IN_PROGRESS,
    /** Written; its location is known. */
    COMPLETED,
    /** Not written; the job normally keeps running. */
    FAILED
}
