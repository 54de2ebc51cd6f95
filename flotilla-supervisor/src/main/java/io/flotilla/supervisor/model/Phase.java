package io.flotilla.supervisor.model;

/** Where a deployment stands, as shown to people; decisions compare specs and observations. */
public enum Phase {
    /** Nothing submitted yet, or ready to submit the next spec. */
    PENDING,
    /** Submitted; the job is not RUNNING yet. */
    STARTING,
    RUNNING,
    /** The job is being stopped or cancelled to start a new spec. */
    UPGRADING,
    /** The job is being stopped because the owner wants it stopped. */
    STOPPING,
    STOPPED,
    /** The job failed or vanished; a resubmission waits for its backoff. */
    FAILED,
    /** A release is being undone: the previous spec starts from the release's savepoint. */
    ROLLING_BACK,
    /** The cluster cannot be observed, so nothing is known and nothing is done. */
    UNKNOWN,
    /** A bounded job ended by itself: recorded, and not started again until the spec changes. */
    FINISHED,
    /**
     * The supervisor stopped retrying: nothing restorable exists or the job fails in a loop. The
     * status says why ({@code attention}); an operator starts it from a chosen savepoint or
     * stateless, and only a spec change does that.
     */
    NEEDS_ATTENTION,
    /**
     * The next job needs more task slots than its cluster (or any healthy cluster of its pool) has
     * free, or no cluster it may use runs a Flink version in the spec's range; the status says why
     * ({@code waiting}). It starts once room (or such a cluster) appears.
     */
    WAITING_FOR_SLOTS;

    /** Whether the supervisor itself is ending the current job, so its end is expected. */
    public boolean endsJobOnPurpose() {
        return this == UPGRADING || this == STOPPING || this == ROLLING_BACK;
    }
}
