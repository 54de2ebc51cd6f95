package io.flotilla.supervisor;

import io.flotilla.supervisor.model.Backfill;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.DeploymentSpec;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.model.JobState;
import io.flotilla.supervisor.model.ObservedJob;
import io.flotilla.supervisor.model.Placement;
import io.flotilla.supervisor.model.SlotLedger;
import io.flotilla.supervisor.port.BackfillStore;
import io.flotilla.supervisor.port.Clock;
import io.flotilla.supervisor.port.ClusterCatalog;
import io.flotilla.supervisor.port.ClusterPorts;
import io.flotilla.supervisor.port.DeploymentStore;
import io.flotilla.supervisor.port.PortRejectedException;
import io.flotilla.supervisor.port.StaleWriteException;
import io.flotilla.supervisor.port.SubmitCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The leader's part of backfills, between ticks: places each new one on a cluster with room (the
 * deployment's own first), submits it under its own JobID from empty state, and follows it with one
 * job list per cluster until it FINISHED or FAILED, or cancels it when asked. The streaming job is
 * never touched: the observer matches deployments' jobs by their derived JobIDs, which a backfill's
 * never is.
 */
public final class BackfillRuns {

    /** How long a submitted job may be absent from its cluster's list before it counts as lost. */
    static final Duration MISSING_GRACE = Duration.ofMinutes(2);

    private final BackfillStore backfills;
    private final DeploymentStore deployments;
    private final ClusterPorts ports;
    private final ClusterCatalog catalog;
    private final Clock clock;

    public BackfillRuns(
            BackfillStore backfills,
            DeploymentStore deployments,
            ClusterPorts ports,
            ClusterCatalog catalog,
            Clock clock) {
        this.backfills = backfills;
        this.deployments = deployments;
        this.ports = ports;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** One round over every running backfill; returns how many it moved on. */
    public int run(long fencingToken) {
        List<Backfill> running = backfills.running();
        if (running.isEmpty()) {
            return 0;
        }
        int moved = 0;
        Map<String, List<ObservedJob>> listed = new HashMap<>();
        SlotLedger ledger = null;
        for (Backfill b : running) {
            try {
                if (b.cancelRequestedBy() != null) {
                    cancel(b, fencingToken);
                    moved++;
                } else if (!b.submitted()) {
                    if (ledger == null) {
                        ledger = ledger(running);
                    }
                    moved += submit(b, ledger, listed, fencingToken) ? 1 : 0;
                } else {
                    moved += follow(b, listed, fencingToken) ? 1 : 0;
                }
            } catch (StaleWriteException e) {
                // A newer leader writes backfills now: this one's round is void.
                return moved;
            } catch (PortRejectedException e) {
                // The cluster refused the job, e.g. the DSL refused a source or sink for a batch.
                end(b, Backfill.Status.FAILED, e.getMessage(), fencingToken);
                moved++;
            } catch (RuntimeException e) {
                // The cluster does not answer now: tried again at the next round.
            }
        }
        return moved;
    }

    /**
     * The slots the deployments' jobs hold, and those of the backfills already placed (whether or
     * not their cluster had room left), so that two backfills never both take a cluster's last free
     * slots.
     */
    private SlotLedger ledger(List<Backfill> running) {
        return new SlotLedger(catalog.capacities(), Map.of(), deployments.loadAll(), running);
    }

    private boolean submit(
            Backfill b, SlotLedger ledger, Map<String, List<ObservedJob>> listed, long token) {
        Optional<Deployment> found = deployments.load(List.of(b.deployment())).stream().findFirst();
        if (found.isEmpty()) {
            end(b, Backfill.Status.FAILED, "deployment " + b.deployment() + " was deleted", token);
            return true;
        }
        Deployment d = found.get();
        DeploymentSpec spec = d.spec();
        String cluster = b.cluster();
        if (cluster != null && listed(cluster, listed, token).stream().anyMatch(ownJob(b))) {
            // Placed at an earlier round whose submit went through, but the round was cut short
            // before it was recorded (a lost lease, a timed-out answer). A JobID runs once: one
            // that already finished would be refused, so follow the job instead.
            Backfill submitted =
                    started(b, " (found on the cluster: an earlier submit went through)", token);
            follow(submitted, listed, token);
            return true;
        }
        if (cluster == null) {
            cluster = place(b, d, ledger);
            if (cluster == null) {
                return false;
            }
            b = b.placedOn(cluster);
            backfills.update(b, token);
        }
        ports.submitter()
                .submit(
                        new SubmitCommand(
                                cluster,
                                b.deployment(),
                                b.jobId(),
                                spec.artifactUri(),
                                spec.artifactSha256(),
                                spec.entryClass(),
                                args(spec.args(), b),
                                spec.parallelism(),
                                null,
                                token,
                                null,
                                false));
        started(b, "", token);
        return true;
    }

    /** Records that its job was submitted, with the event; returns it as submitted. */
    private Backfill started(Backfill b, String how, long token) {
        Backfill submitted = b.asSubmitted();
        backfills.update(submitted, token);
        deployments.appendEvent(
                new Event(
                        b.deployment(),
                        clock.now(),
                        "BackfillStarted",
                        "backfill "
                                + b.id()
                                + " of "
                                + b.range()
                                + " submitted as job "
                                + b.jobId()
                                + " on "
                                + b.cluster()
                                + " (batch, from empty state)"
                                + how,
                        token));
        return submitted;
    }

    /** The deployment's own cluster if it has room, else the healthy one with most room. */
    private static String place(Backfill b, Deployment d, SlotLedger ledger) {
        String key = SlotLedger.key(b);
        String own = d.currentCluster();
        DeploymentSpec spec = d.spec();
        if (Placement.concrete(own)
                && ledger.place(key, spec.withCluster(own), own) instanceof SlotLedger.Placed p) {
            return p.cluster();
        }
        return ledger.place(key, spec.withCluster(Placement.ANY), own)
                        instanceof SlotLedger.Placed p
                ? p.cluster()
                : null;
    }

    private boolean follow(Backfill b, Map<String, List<ObservedJob>> listed, long token) {
        ObservedJob job =
                listed(b.cluster(), listed, token).stream()
                        .filter(ownJob(b))
                        .findFirst()
                        .orElse(null);
        JobState state = job == null ? JobState.MISSING : job.state();
        switch (state) {
            case FINISHED:
                end(b, Backfill.Status.FINISHED, null, token);
                return true;
            case FAILED:
            case CANCELED:
                end(b, Backfill.Status.FAILED, "job " + b.jobId() + " " + job.status(), token);
                return true;
            case MISSING:
                if (b.started().plus(MISSING_GRACE).isBefore(clock.now())) {
                    end(
                            b,
                            Backfill.Status.FAILED,
                            "job " + b.jobId() + " is gone from cluster " + b.cluster(),
                            token);
                    return true;
                }
                return false;
            default:
                return false;
        }
    }

    /** The cluster's job list, asked once per round. */
    private List<ObservedJob> listed(
            String cluster, Map<String, List<ObservedJob>> listed, long token) {
        return listed.computeIfAbsent(cluster, c -> ports.lister().listJobs(c, token));
    }

    private static java.util.function.Predicate<ObservedJob> ownJob(Backfill b) {
        return j -> j.jobId().equals(b.jobId());
    }

    /**
     * Cancels its job (its own JobID only: never the streaming job's) if it was submitted, then
     * ends it CANCELED; a cluster that does not answer leaves it for the next round.
     */
    private void cancel(Backfill b, long token) {
        if (b.submitted()) {
            ports.canceller().cancel(b.cluster(), b.jobId(), token);
        }
        backfills.update(b.ended(Backfill.Status.CANCELED, clock.now(), null), token);
        deployments.appendEvent(
                new Event(
                        b.deployment(),
                        clock.now(),
                        "BackfillCancelled",
                        "backfill "
                                + b.id()
                                + " of "
                                + b.range()
                                + (b.submitted()
                                        ? ", job " + b.jobId() + " on " + b.cluster() + ","
                                        : " (not yet submitted)")
                                + " cancelled by "
                                + b.cancelRequestedBy(),
                        token));
    }

    private void end(Backfill b, Backfill.Status status, String error, long token) {
        backfills.update(b.ended(status, clock.now(), error), token);
        deployments.appendEvent(
                new Event(
                        b.deployment(),
                        clock.now(),
                        status == Backfill.Status.FINISHED ? "BackfillFinished" : "BackfillFailed",
                        "backfill "
                                + b.id()
                                + " of "
                                + b.range()
                                + (b.jobId() == null ? "" : ", job " + b.jobId())
                                + (status == Backfill.Status.FINISHED
                                        ? " finished"
                                        : " failed: " + error),
                        token));
    }

    /**
     * The deployment's job arguments with the backfill's range: no compiled plan, which belongs to
     * the streaming job's state.
     */
    static List<String> args(List<String> streaming, Backfill b) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < streaming.size(); i++) {
            String a = streaming.get(i);
            if (a.equals("--previous-plan") || a.equals("--save-plan")) {
                i++;
                continue;
            }
            out.add(a);
        }
        out.add("--backfill-from");
        out.add(b.from().toString());
        out.add("--backfill-to");
        out.add(b.to().toString());
        if (b.into() != null) {
            out.add("--into");
            out.add(b.into());
        }
        return out;
    }
}
