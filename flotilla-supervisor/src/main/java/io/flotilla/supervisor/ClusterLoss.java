package io.flotilla.supervisor;

import io.flotilla.supervisor.model.AbandonedJob;
import io.flotilla.supervisor.model.Cluster;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.DeploymentSpec;
import io.flotilla.supervisor.model.DesiredState;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.model.Intent;
import io.flotilla.supervisor.model.Phase;
import io.flotilla.supervisor.model.Placement;
import io.flotilla.supervisor.model.Reachability;
import io.flotilla.supervisor.port.ConflictException;
import io.flotilla.supervisor.port.ControlStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An operator's declaration that a cluster is lost, and its only consequence: that cluster's
 * desired-RUNNING deployments are placed on answering clusters with free slots, to start from their
 * newest restorable state. Refused unless the supervisor has seen the cluster unreachable for at
 * least {@code lostAfter}, because a cluster that answers, or just stopped answering, may still run
 * the jobs. The JobIDs left behind are remembered, so that {@link ClusterHealth} cancels them if
 * the cluster comes back.
 */
public final class ClusterLoss {

    /** The default of how long a cluster must be unreachable before it may be declared lost. */
    public static final Duration LOST_AFTER = Duration.ofMinutes(2);

    /** Where one deployment went, and what it starts from. */
    public record Move(String deployment, String from, String to, String restoreFrom) {}

    /** A deployment that stayed, and why. */
    public record NotMoved(String deployment, String reason) {}

    /** What a declaration did. */
    public record Outcome(List<Move> moved, List<NotMoved> notMoved) {}

    private final ControlStore store;
    private final Duration lostAfter;

    public ClusterLoss(ControlStore store) {
        this(store, LOST_AFTER);
    }

    public ClusterLoss(ControlStore store, Duration lostAfter) {
        this.store = store;
        this.lostAfter = lostAfter;
    }

    /**
     * Marks {@code lost} lost and moves its deployments; each move is one conditional write with
     * its event and the JobIDs it leaves behind, so a deployment changed meanwhile is skipped and
     * reported, never half-moved.
     *
     * @throws IllegalArgumentException when the cluster is unknown or no cluster answers
     * @throws LossRefusedException when the cluster was not unreachable long enough
     */
    public Outcome declare(String lost, String who, Instant now) {
        Cluster cluster =
                store.cluster(lost)
                        .orElseThrow(() -> new IllegalArgumentException("no cluster " + lost));
        if (!cluster.lost()) {
            refuseUnlessSilentLongEnough(lost, now);
        }
        Map<String, Integer> free = new HashMap<>();
        for (Cluster c : store.clusters()) {
            Optional<Reachability> r = store.reachability(c.name());
            if (!c.lost() && !c.name().equals(lost) && r.isPresent() && r.get().answers()) {
                free.put(c.name(), c.slots());
            }
        }
        if (free.isEmpty()) {
            throw new IllegalArgumentException(
                    "no cluster that answers is left to place the deployments of "
                            + lost
                            + " on: register a healthy cluster (or wait until one answers) first");
        }
        List<Deployment> all = store.deployments();
        for (Deployment d : all) {
            if (d.spec().desiredState() == DesiredState.RUNNING) {
                free.computeIfPresent(d.currentCluster(), (k, v) -> v - d.spec().parallelism());
            }
        }
        if (!cluster.lost()) {
            store.putCluster(
                    cluster.declaredLost(now),
                    new Event(
                            "", now, "ClusterLost", "cluster " + lost + " declared lost", 0, who));
        }
        List<Move> moves = new ArrayList<>();
        List<NotMoved> notMoved = new ArrayList<>();
        for (Deployment d : all) {
            if (!d.currentCluster().equals(lost)
                    || d.spec().desiredState() != DesiredState.RUNNING) {
                continue;
            }
            int needs = d.spec().parallelism();
            Optional<String> target =
                    free.entrySet().stream()
                            .filter(e -> e.getValue() >= needs)
                            .max(
                                    Comparator.comparing(Map.Entry<String, Integer>::getValue)
                                            .thenComparing(
                                                    Map.Entry::getKey, Comparator.reverseOrder()))
                            .map(Map.Entry::getKey);
            if (target.isEmpty()) {
                notMoved.add(
                        new NotMoved(
                                d.name(),
                                "no answering cluster has "
                                        + needs
                                        + " free slots (free: "
                                        + free
                                        + "): add capacity and declare again"));
                continue;
            }
            try {
                moves.add(move(d, target.get(), who, now));
                free.merge(target.get(), -needs, Integer::sum);
            } catch (ConflictException e) {
                notMoved.add(new NotMoved(d.name(), "changed meanwhile: declare again"));
            }
        }
        return new Outcome(moves, notMoved);
    }

    private void refuseUnlessSilentLongEnough(String lost, Instant now) {
        Optional<Reachability> r = store.reachability(lost);
        if (r.isEmpty()) {
            throw new LossRefusedException(
                    "cluster "
                            + lost
                            + " has not been observed by the supervisor yet: it may be running its"
                            + " jobs; wait until it has been unreachable for "
                            + lostAfter);
        }
        if (r.get().answers()) {
            throw new LossRefusedException(
                    "cluster "
                            + lost
                            + " answers (since "
                            + r.get().since()
                            + "): a cluster that answers is not lost; stop or move its"
                            + " deployments instead");
        }
        Instant allowedAt = r.get().since().plus(lostAfter);
        if (now.isBefore(allowedAt)) {
            throw new LossRefusedException(
                    "cluster "
                            + lost
                            + " has been unreachable only since "
                            + r.get().since()
                            + " ("
                            + r.get().error()
                            + "); it may still run its jobs: it can be declared lost after "
                            + lostAfter
                            + " unreachable, at "
                            + allowedAt);
        }
    }

    private Move move(Deployment d, String to, String who, Instant now) {
        String restore = d.status().newestRestorable();
        // A pool or any-cluster target stays: the reconciler places the next job.
        DeploymentSpec target =
                Placement.concrete(d.spec().cluster()) ? d.spec().withCluster(to) : d.spec();
        DeploymentSpec spec =
                target.withRestoreFrom(restore).withGeneration(d.spec().generation() + 1);
        // The old job is given up: its cluster is gone, and with no current job and no intent the
        // reconciler submits the new spec from the restore path.
        DeploymentSpec reconciled =
                d.lastReconciledSpec() == null ? null : d.lastReconciledSpec().withCluster(to);
        Deployment moved =
                new Deployment(
                        spec,
                        reconciled,
                        d.status().toBuilder()
                                .jobId(null)
                                .intent(null)
                                .release(null)
                                .phase(Phase.PENDING)
                                .nextRetryAt(null)
                                .build());
        String from = d.currentCluster();
        List<AbandonedJob> abandoned = new ArrayList<>();
        if (d.status().jobId() != null) {
            abandoned.add(new AbandonedJob(from, d.status().jobId(), d.name(), now));
        }
        Intent intent = d.status().intent();
        if (intent != null
                && intent.cluster().equals(from)
                && !intent.jobId().equals(d.status().jobId())) {
            // A submit that may have happened: its job would run unmanaged too.
            abandoned.add(new AbandonedJob(from, intent.jobId(), d.name(), now));
        }
        store.moveDeployment(
                moved,
                d.spec().generation(),
                abandoned,
                new Event(
                        d.name(),
                        now,
                        "MovedFromLostCluster",
                        "placed on "
                                + to
                                + " because "
                                + from
                                + " was declared lost; starts from "
                                + (restore == null ? "empty state" : restore)
                                + (abandoned.isEmpty()
                                        ? ""
                                        : "; left behind on "
                                                + from
                                                + ", to cancel if it answers again: "
                                                + abandoned.stream()
                                                        .map(AbandonedJob::jobId)
                                                        .toList()),
                        0,
                        who));
        return new Move(d.name(), from, to, restore);
    }
}
