package io.flotilla.supervisor;

import io.flotilla.supervisor.model.Cluster;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.DeploymentSpec;
import io.flotilla.supervisor.model.DesiredState;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.model.Phase;
import io.flotilla.supervisor.port.ConflictException;
import io.flotilla.supervisor.port.ControlStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An operator's declaration that a cluster is lost, and its only consequence: that cluster's
 * desired-RUNNING deployments are placed on the healthy cluster with the fewest deployments, to
 * start from their newest restorable state. The supervisor never does this by itself, because an
 * unreachable cluster may still run the jobs, and moving them would make two.
 */
public final class ClusterLoss {

    /** Where one deployment went, and what it starts from. */
    public record Move(String deployment, String from, String to, String restoreFrom) {}

    private final ControlStore store;

    public ClusterLoss(ControlStore store) {
        this.store = store;
    }

    /**
     * Marks {@code lost} lost and moves its deployments; each move is one conditional write with
     * its event, so a deployment changed meanwhile is skipped and reported, never half-moved.
     *
     * @throws IllegalArgumentException when the cluster is unknown or no healthy cluster is left
     */
    public List<Move> declare(String lost, String who, Instant now) {
        Cluster cluster =
                store.cluster(lost)
                        .orElseThrow(() -> new IllegalArgumentException("no cluster " + lost));
        if (!cluster.lost()) {
            store.putCluster(
                    cluster.declaredLost(now),
                    new Event(
                            "", now, "ClusterLost", "cluster " + lost + " declared lost", 0, who));
        }
        Map<String, Integer> load = new HashMap<>();
        store.clusters().stream().filter(c -> !c.lost()).forEach(c -> load.put(c.name(), 0));
        List<Deployment> all = store.deployments();
        all.forEach(d -> load.computeIfPresent(d.currentCluster(), (k, v) -> v + 1));
        List<Move> moves = new ArrayList<>();
        for (Deployment d : all) {
            if (!d.currentCluster().equals(lost)
                    || d.spec().desiredState() != DesiredState.RUNNING) {
                continue;
            }
            Optional<String> target =
                    load.entrySet().stream()
                            .min(
                                    Comparator.comparing(Map.Entry<String, Integer>::getValue)
                                            .thenComparing(Map.Entry::getKey))
                            .map(Map.Entry::getKey);
            if (target.isEmpty()) {
                throw new IllegalArgumentException(
                        "no cluster is left to place the deployments of "
                                + lost
                                + " on: register a healthy cluster first");
            }
            try {
                moves.add(move(d, target.get(), who, now));
                load.merge(target.get(), 1, Integer::sum);
            } catch (ConflictException e) {
                // Changed by someone meanwhile: the operator sees it unmoved and declares again.
            }
        }
        return moves;
    }

    private Move move(Deployment d, String to, String who, Instant now) {
        String restore = d.status().newestRestorable();
        DeploymentSpec spec =
                d.spec()
                        .withCluster(to)
                        .withRestoreFrom(restore)
                        .withGeneration(d.spec().generation() + 1);
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
        store.replaceDeployment(
                moved,
                d.spec().generation(),
                new Event(
                        d.name(),
                        now,
                        "MovedFromLostCluster",
                        "placed on "
                                + to
                                + " because "
                                + from
                                + " was declared lost; starts from "
                                + (restore == null ? "empty state" : restore),
                        0,
                        who));
        return new Move(d.name(), from, to, restore);
    }
}
