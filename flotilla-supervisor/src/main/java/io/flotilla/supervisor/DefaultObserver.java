package io.flotilla.supervisor;

import io.flotilla.supervisor.model.ClusterObservation;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.Intent;
import io.flotilla.supervisor.model.JobState;
import io.flotilla.supervisor.model.ObservedJob;
import io.flotilla.supervisor.model.ObservedState;
import io.flotilla.supervisor.model.Placement;
import io.flotilla.supervisor.model.SlotLedger;
import io.flotilla.supervisor.port.BackfillStore;
import io.flotilla.supervisor.port.ClusterCatalog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds each deployment's current and intended job in its clusters' job lists by JobID, and (with a
 * cluster catalog) accounts the tick's task slots for placing new jobs, the running backfills'
 * included.
 */
public final class DefaultObserver implements Observer {

    private final ClusterCatalog catalog;
    private final BackfillStore backfills;

    /** An observer that knows no slots: nothing waits for room. */
    public DefaultObserver() {
        this(null);
    }

    /** An observer placing new jobs by the slots {@code catalog} reports, with no backfills. */
    public DefaultObserver(ClusterCatalog catalog) {
        this(catalog, BackfillStore.unavailable());
    }

    /**
     * An observer placing new jobs by the slots {@code catalog} reports, less those the running
     * backfills in {@code backfills} hold.
     */
    public DefaultObserver(ClusterCatalog catalog, BackfillStore backfills) {
        this.catalog = catalog;
        this.backfills = backfills;
    }

    @Override
    public Map<String, ObservedState> observe(
            Map<String, ClusterObservation> clusters, List<Deployment> deployments) {
        // One read of the running backfills per round, whatever the number of deployments. A
        // store that fails here fails the round, as its load of the deployments would: placing
        // without the backfills could oversubscribe a cluster.
        SlotLedger slots =
                catalog == null
                        ? null
                        : new SlotLedger(
                                catalog.capacities(), clusters, deployments, backfills.running());
        // One index per cluster, built once, so that 10,000 deployments cost 10,000 lookups.
        Map<String, Map<String, ObservedJob>> byJobId = new HashMap<>();
        clusters.forEach(
                (name, observation) -> {
                    Map<String, ObservedJob> jobs = new HashMap<>();
                    observation.jobs().forEach(job -> jobs.put(job.jobId(), job));
                    byJobId.put(name, jobs);
                });
        Map<String, ObservedState> result = new HashMap<>(deployments.size() * 2);
        List<String> stake = new ArrayList<>(3);
        for (Deployment deployment : deployments) {
            stake.clear();
            addClustersOf(deployment, stake);
            result.put(deployment.name(), observe(deployment, stake, clusters, byJobId, slots));
        }
        return result;
    }

    /**
     * The clusters a deployment has a stake in: where its job runs, where its intent acts, and
     * where its next job would go. All must answer before anything is decided about it. A pool or
     * any-cluster target is no cluster yet: placement picks a healthy one.
     */
    public static Set<String> clustersOf(Deployment deployment) {
        Set<String> clusters = new LinkedHashSet<>();
        addClustersOf(deployment, clusters);
        return clusters;
    }

    /**
     * Adds the {@link #clustersOf} a deployment to {@code clusters} (a list may get one twice):
     * without a set of its own per deployment, which a tick of 100,000 deployments felt.
     */
    public static void addClustersOf(Deployment deployment, Collection<String> clusters) {
        addConcrete(clusters, deployment.currentCluster());
        if (deployment.status().intent() != null) {
            clusters.add(deployment.status().intent().cluster());
        }
        if (deployment.status().jobId() == null) {
            addConcrete(clusters, deployment.spec().cluster());
        }
    }

    private static void addConcrete(Collection<String> clusters, String target) {
        if (Placement.concrete(target)) {
            clusters.add(target);
        }
    }

    private static ObservedState observe(
            Deployment deployment,
            List<String> stake,
            Map<String, ClusterObservation> clusters,
            Map<String, Map<String, ObservedJob>> byJobId,
            SlotLedger slots) {
        for (String cluster : stake) {
            ClusterObservation observation = clusters.get(cluster);
            if (observation == null) {
                return ObservedState.unknown("cluster " + cluster + " was not observed");
            }
            if (!observation.reachable()) {
                return ObservedState.unknown(
                        "cluster " + cluster + " unreachable: " + observation.error());
            }
        }
        String jobId = deployment.status().jobId();
        ObservedJob job =
                jobId == null ? null : byJobId.get(deployment.currentCluster()).get(jobId);
        JobState current =
                jobId == null ? JobState.NONE : job == null ? JobState.MISSING : job.state();
        Intent intent = deployment.status().intent();
        ObservedJob intentJob =
                intent == null ? null : byJobId.get(intent.cluster()).get(intent.jobId());
        return new ObservedState(current, job, intentJob, null, slots);
    }
}
