package io.flotilla.supervisor.api;

/** Where a backfill stands. */
public enum BackfillStatus {
    /** Requested, placed or running as a batch job: ask again. */
    RUNNING,
    /** Its batch job finished: every record of the range was written. */
    FINISHED,
    /** Its batch job failed or was refused; the error says why. */
    FAILED,
    /** Cancelled on request (DELETE .../backfills/{id}); rows already written stay. */
    CANCELED
}
