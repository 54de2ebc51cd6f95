package io.flotilla.supervisor.model;

import java.time.Instant;

/**
 * One backfill of a deployment: its DSL job re-run as a batch over {@code [from, to)} under a JobID
 * of its own, on a cluster the leader picks, never touching the streaming job or its state.
 *
 * @param id the store's number for it, 0 before it is stored
 * @param into the declared table written instead of the job's sink, or null for the job's own
 * @param version the deployment's version whose jar runs it
 * @param cluster where it runs, null until the leader placed it
 * @param submitted whether the leader's submit went through (a JobID submitted again is a no-op)
 * @param error why it failed, when {@link Status#FAILED}
 * @param cancelRequestedBy who asked to cancel it while it ran, null unless someone did: the leader
 *     then cancels its job and ends it {@link Status#CANCELED}
 */
public record Backfill(
        long id,
        String deployment,
        Instant from,
        Instant to,
        String into,
        String version,
        String jobId,
        String cluster,
        boolean submitted,
        Status status,
        String requestedBy,
        Instant started,
        Instant ended,
        String error,
        String cancelRequestedBy) {

    /** Where a backfill stands. */
    public enum Status {
        /** Requested, placed or running: the leader follows it. */
        RUNNING,
        /** Its job finished: every record of the range was written. */
        FINISHED,
        /** Its job failed, or could not be submitted. */
        FAILED,
        /** Cancelled on request: its job (if submitted) was cancelled, the rows written stay. */
        CANCELED
    }

    /** Whether the leader still follows it. */
    public boolean running() {
        return status == Status.RUNNING;
    }

    /** With a cancel asked for by {@code who}. */
    public Backfill cancelRequested(String who) {
        return copy(p -> p.cancelRequestedBy = who);
    }

    /** Placed on {@code where}, not yet submitted. */
    public Backfill placedOn(String where) {
        return copy(
                p -> {
                    p.cluster = where;
                    p.submitted = false;
                });
    }

    /** Submitted on its cluster. */
    public Backfill asSubmitted() {
        return copy(p -> p.submitted = true);
    }

    /** Ended at {@code at} in {@code end}, with {@code why} when it failed. */
    public Backfill ended(Status end, Instant at, String why) {
        return copy(
                p -> {
                    p.status = end;
                    p.ended = at;
                    p.error = why;
                });
    }

    /** This backfill as stored under {@code newId}. */
    public Backfill withId(long newId) {
        return copy(p -> p.id = newId);
    }

    private Backfill copy(java.util.function.Consumer<Parts> change) {
        Parts p = new Parts(this);
        change.accept(p);
        return new Backfill(
                p.id,
                deployment,
                from,
                to,
                into,
                version,
                jobId,
                p.cluster,
                p.submitted,
                p.status,
                requestedBy,
                started,
                p.ended,
                p.error,
                p.cancelRequestedBy);
    }

    /** The parts of a backfill that change as the leader moves it on. */
    private static final class Parts {
        private long id;
        private String cluster;
        private boolean submitted;
        private Status status;
        private Instant ended;
        private String error;
        private String cancelRequestedBy;

        Parts(Backfill b) {
            id = b.id;
            cluster = b.cluster;
            submitted = b.submitted;
            status = b.status;
            ended = b.ended;
            error = b.error;
            cancelRequestedBy = b.cancelRequestedBy;
        }
    }

    /** "[from, to)" as events and messages show the range. */
    public String range() {
        return "[" + from + ", " + to + ")" + (into == null ? "" : " into " + into);
    }
}
