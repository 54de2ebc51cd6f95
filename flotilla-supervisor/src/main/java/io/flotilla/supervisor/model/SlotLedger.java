package io.flotilla.supervisor.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One tick's account of task slots: what each cluster has, what each deployment's job (or submit in
 * flight) and each placed backfill holds, and the choices made so far in the tick, so that two
 * deployments (or a deployment and a backfill) never both take the last free slot. A deployment's
 * own slots count as free for its next job.
 */
public final class SlotLedger {

    /** Where a job may start, or why it must wait. */
    public sealed interface Choice {}

    /** Start on {@code cluster}. */
    public record Placed(String cluster) implements Choice {}

    /** No room, or no cluster of the spec's Flink versions: wait, and say why. */
    public record NoRoom(String reason) implements Choice {}

    private record Held(String cluster, int slots) {}

    private final Map<String, ClusterCapacity> clusters = new HashMap<>();
    private final Map<String, Integer> used = new HashMap<>();
    private final Map<String, Held> held = new HashMap<>();

    /** By cluster: what the backfills placed there hold, as a waiting deployment's reason says. */
    private final Map<String, List<String>> backfillsOn = new HashMap<>();

    /**
     * @param observations this tick's observations: a cluster observed unreachable is not chosen
     */
    public SlotLedger(
            List<ClusterCapacity> capacities,
            Map<String, ClusterObservation> observations,
            List<Deployment> deployments) {
        this(capacities, observations, deployments, List.of());
    }

    /**
     * A ledger in which the placed ones of {@code backfills} (the running ones) also hold slots.
     *
     * <p>They are counted from their records, as deployments' jobs are, never from the clusters'
     * job lists: a cluster's capacity is its total slots, not its free ones, and its list holds a
     * backfill's job under a JobID of its own that no deployment's status names, so nothing else
     * counts it. The record also covers a backfill placed but not yet submitted (not yet listed),
     * as a deployment's intent does.
     */
    public SlotLedger(
            List<ClusterCapacity> capacities,
            Map<String, ClusterObservation> observations,
            List<Deployment> deployments,
            List<Backfill> backfills) {
        for (ClusterCapacity c : capacities) {
            ClusterObservation seen = observations.get(c.name());
            boolean healthy = c.healthy() && (seen == null || seen.reachable());
            clusters.put(c.name(), c.withHealthy(healthy));
        }
        for (Deployment d : deployments) {
            Held h = heldBy(d);
            if (h != null) {
                held.put(d.name(), h);
                used.merge(h.cluster(), h.slots(), Integer::sum);
            }
        }
        if (!backfills.isEmpty()) {
            Map<String, Deployment> byName = new HashMap<>();
            deployments.forEach(d -> byName.put(d.name(), d));
            backfills.forEach(b -> holdBackfill(b, byName.get(b.deployment())));
        }
    }

    /**
     * A placed backfill holds its slots (its job runs at its deployment's parallelism) whether or
     * not its cluster has room left: it runs there already, or is about to. One whose deployment is
     * gone holds none: the leader fails it.
     */
    private void holdBackfill(Backfill b, Deployment d) {
        if (!b.running() || b.cluster() == null || d == null) {
            return;
        }
        int slots = d.spec().parallelism();
        held.put(key(b), new Held(b.cluster(), slots));
        used.merge(b.cluster(), slots, Integer::sum);
        backfillsOn
                .computeIfAbsent(b.cluster(), c -> new ArrayList<>())
                .add("backfill " + b.id() + " of " + b.deployment() + " holds " + slots);
    }

    /** The name a backfill's slots are held under in the ledger, beside the deployments' names. */
    public static String key(Backfill b) {
        return "backfill/" + b.id();
    }

    private static Held heldBy(Deployment d) {
        Intent intent = d.status().intent();
        if (intent != null && intent.spec() != null) {
            return new Held(intent.cluster(), intent.spec().parallelism());
        }
        if (d.status().jobId() != null) {
            DeploymentSpec running =
                    d.lastReconciledSpec() != null ? d.lastReconciledSpec() : d.spec();
            return new Held(d.currentCluster(), running.parallelism());
        }
        return null;
    }

    /**
     * Chooses where {@code spec}'s next job of deployment {@code name} starts, and holds its slots
     * there for the rest of the tick. A named cluster is used if it has room (or its slots are
     * unknown); a pool or any cluster means the healthy one with the most free slots, preferring
     * {@code preferred} (where the deployment ran) while it fits. With a Flink version range, a
     * pool or any cluster means only clusters known to run a version in it; a named cluster is
     * refused only when its version is known and outside it.
     */
    public synchronized Choice place(String name, DeploymentSpec spec, String preferred) {
        Held own = held.remove(name);
        if (own != null) {
            used.merge(own.cluster(), -own.slots(), Integer::sum);
        }
        int needs = spec.parallelism();
        String target = spec.cluster();
        FlinkVersionRange range = spec.flinkRange();
        Choice choice;
        if (Placement.concrete(target)) {
            choice = named(target, needs, range);
        } else {
            choice = choose(target, needs, preferred, range);
        }
        if (choice instanceof Placed p) {
            held.put(name, new Held(p.cluster(), needs));
            used.merge(p.cluster(), needs, Integer::sum);
        } else if (own != null) {
            held.put(name, own);
            used.merge(own.cluster(), own.slots(), Integer::sum);
        }
        return choice;
    }

    /** A named cluster: refused when its version is known and outside the range, or it is full. */
    private Choice named(String target, int needs, FlinkVersionRange range) {
        ClusterCapacity c = clusters.get(target);
        if (c == null) {
            return new Placed(target);
        }
        if (!c.runs(range, true)) {
            return new NoRoom(
                    "cluster "
                            + target
                            + " runs "
                            + c.describeFlink()
                            + ", outside the spec's flinkVersion range "
                            + range
                            + ": choose another cluster or widen the range");
        }
        return c.slots() == 0 || free(c) >= needs
                ? new Placed(target)
                : new NoRoom(
                        "needs " + needs + " slots: cluster " + target + " has " + describe(c));
    }

    private Choice choose(String target, int needs, String preferred, FlinkVersionRange range) {
        String pool = Placement.pool(target);
        List<ClusterCapacity> members = new ArrayList<>();
        for (ClusterCapacity c : clusters.values()) {
            if (Placement.allows(target, c.name(), c.pool())) {
                members.add(c);
            }
        }
        members.sort(Comparator.comparing(ClusterCapacity::name));
        String where = pool == null ? "no cluster" : "no cluster in pool " + pool;
        if (members.isEmpty()) {
            return new NoRoom(where + " is registered");
        }
        List<ClusterCapacity> fitting = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        for (ClusterCapacity c : members) {
            if (c.runs(range, false)) {
                fitting.add(c);
            }
            versions.add(c.name() + ": " + c.describeFlink());
        }
        if (fitting.isEmpty()) {
            return new NoRoom(
                    where
                            + " runs a Flink version in the spec's flinkVersion range "
                            + range
                            + " ("
                            + String.join("; ", versions)
                            + "; a cluster whose version is unknown is chosen only by name):"
                            + " widen the range, name a cluster or add one that runs such a"
                            + " version");
        }
        members = fitting;
        ClusterCapacity best = null;
        for (ClusterCapacity c : members) {
            if (!c.healthy() || c.slots() == 0 || free(c) < needs) {
                continue;
            }
            if (c.name().equals(preferred)) {
                return new Placed(c.name());
            }
            if (best == null || free(c) > free(best)) {
                best = c;
            }
        }
        if (best != null) {
            return new Placed(best.name());
        }
        List<String> seen = new ArrayList<>();
        for (ClusterCapacity c : members) {
            seen.add(c.name() + ": " + describe(c));
        }
        return new NoRoom(
                "needs "
                        + needs
                        + " slots: "
                        + where
                        + " is healthy with room ("
                        + String.join("; ", seen)
                        + ")");
    }

    private int free(ClusterCapacity c) {
        return c.slots() - used.getOrDefault(c.name(), 0);
    }

    private String describe(ClusterCapacity c) {
        if (!c.healthy()) {
            return "unhealthy";
        }
        if (c.slots() == 0) {
            return "slots unknown";
        }
        List<String> backfills = backfillsOn.get(c.name());
        return Math.max(0, free(c))
                + " of "
                + c.slots()
                + " free"
                + (backfills == null ? "" : " (" + String.join(", ", backfills) + ")");
    }
}
