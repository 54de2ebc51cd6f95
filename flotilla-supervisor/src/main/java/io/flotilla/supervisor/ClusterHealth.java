package io.flotilla.supervisor;

import io.flotilla.supervisor.model.AbandonedJob;
import io.flotilla.supervisor.model.Cluster;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.model.ObservedJob;
import io.flotilla.supervisor.model.Reachability;
import io.flotilla.supervisor.port.Clock;
import io.flotilla.supervisor.port.ControlStore;
import io.flotilla.supervisor.port.JobCanceller;
import io.flotilla.supervisor.port.JobLister;
import io.flotilla.supervisor.port.SlotCounter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Watches every registered cluster for the leader: records when each starts and stops answering
 * (what {@link ClusterLoss} needs to refuse a premature declaration), and when a cluster declared
 * lost answers again, cancels every job left behind there by a deployment that moved (fenced, each
 * one an event) and only then declares it healthy again.
 */
public final class ClusterHealth {

    private final ControlStore store;
    private final JobLister lister;
    private final JobCanceller canceller;
    private final Clock clock;
    private final Duration every;
    private final SlotCounter counter;
    private final ClusterSlots slots;
    private final Map<String, Reachability> known = new HashMap<>();
    private Instant lastRun;

    public ClusterHealth(
            ControlStore store,
            JobLister lister,
            JobCanceller canceller,
            Clock clock,
            Duration every) {
        this(store, lister, canceller, clock, every, null, null);
    }

    /**
     * A health check that also asks each answering cluster for its slots and Flink version, into
     * {@code slots}.
     */
    public ClusterHealth(
            ControlStore store,
            JobLister lister,
            JobCanceller canceller,
            Clock clock,
            Duration every,
            SlotCounter counter,
            ClusterSlots slots) {
        this.store = store;
        this.lister = lister;
        this.canceller = canceller;
        this.clock = clock;
        this.every = every;
        this.counter = counter;
        this.slots = slots;
    }

    /** Looks at every cluster unless it did less than {@code every} ago. */
    public void run(long fencingToken) {
        Instant now = clock.now();
        if (lastRun != null && now.isBefore(lastRun.plus(every))) {
            return;
        }
        lastRun = now;
        for (Cluster c : store.clusters()) {
            List<ObservedJob> jobs = null;
            String error = null;
            try {
                jobs = lister.listJobs(c.name(), fencingToken);
            } catch (RuntimeException e) {
                error = String.valueOf(e.getMessage());
            }
            record(c.name(), error, now);
            if (slots != null) {
                SlotCounter.Report report = error == null ? reportOf(c) : null;
                slots.update(
                        c.name(),
                        error == null,
                        report == null ? null : report.slotsTotal(),
                        report == null ? null : report.flinkVersion());
            }
            if (c.lost() && jobs != null) {
                settle(c, jobs, fencingToken, now);
            }
        }
    }

    /**
     * What the cluster's sidecar says it has and runs; null when it says nothing (registered slots
     * then, and the version last reported).
     */
    private SlotCounter.Report reportOf(Cluster c) {
        if (counter == null) {
            return null;
        }
        try {
            return counter.report(c.name());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void record(String cluster, String error, Instant now) {
        Reachability previous =
                known.computeIfAbsent(cluster, k -> store.reachability(k).orElse(null));
        boolean answers = error == null;
        if (previous != null && previous.answers() == answers) {
            return;
        }
        Reachability next =
                answers
                        ? Reachability.answering(cluster, now)
                        : Reachability.silent(cluster, now, error);
        store.putReachability(
                next,
                new Event(
                        "",
                        now,
                        answers ? "ClusterAnswers" : "ClusterUnreachable",
                        "cluster " + cluster + (answers ? " answers" : " unreachable: " + error),
                        0));
        known.put(cluster, next);
    }

    /** A lost cluster answers: its abandoned jobs go first, then it counts as healthy again. */
    private void settle(Cluster c, List<ObservedJob> jobs, long fencingToken, Instant now) {
        boolean pending = false;
        for (AbandonedJob a : store.abandonedJobs(c.name())) {
            Optional<ObservedJob> job =
                    jobs.stream().filter(j -> j.jobId().equals(a.jobId())).findFirst();
            if (job.isPresent() && !job.get().state().gone()) {
                pending = true;
                try {
                    canceller.cancel(c.name(), a.jobId(), fencingToken);
                    store.appendAudit(
                            new Event(
                                    a.deployment(),
                                    now,
                                    "AbandonedJobCancelled",
                                    "cancelled job "
                                            + a.jobId()
                                            + " still "
                                            + job.get().status()
                                            + " on "
                                            + c.name()
                                            + ", which was declared lost at "
                                            + c.lostAt()
                                            + "; the deployment runs elsewhere",
                                    fencingToken));
                } catch (RuntimeException e) {
                    // Refused or unreachable: the next run looks again.
                    store.appendAudit(
                            new Event(
                                    a.deployment(),
                                    now,
                                    "AbandonedJobCancelFailed",
                                    "cancel of " + a.jobId() + " on " + c.name() + ": " + e,
                                    fencingToken));
                }
            } else {
                store.settleAbandoned(
                        a,
                        now,
                        new Event(
                                a.deployment(),
                                now,
                                "AbandonedJobGone",
                                "job "
                                        + a.jobId()
                                        + " left on "
                                        + c.name()
                                        + " is "
                                        + (job.isPresent() ? job.get().status() : "gone"),
                                fencingToken));
            }
        }
        if (!pending) {
            store.putCluster(
                    c.recovered(),
                    new Event(
                            "",
                            now,
                            "ClusterRecovered",
                            "cluster "
                                    + c.name()
                                    + " answers again and runs none of the jobs left behind:"
                                    + " healthy",
                            fencingToken));
        }
    }
}
