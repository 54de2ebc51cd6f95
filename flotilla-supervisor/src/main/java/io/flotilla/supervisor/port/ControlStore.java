package io.flotilla.supervisor.port;

import io.flotilla.supervisor.model.AbandonedJob;
import io.flotilla.supervisor.model.AuditEntry;
import io.flotilla.supervisor.model.Cluster;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.DeploymentSpec;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.model.Reachability;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The API's side of the store: clusters, desired specs, deleted deployments, lineage and the audit
 * log. Each change is one transaction together with its audit event, so nothing is half-applied.
 */
public interface ControlStore {

    List<Cluster> clusters();

    Optional<Cluster> cluster(String name);

    /** Registers a cluster or replaces its registration. */
    void putCluster(Cluster cluster, Event audit);

    List<Deployment> deployments();

    Optional<Deployment> deployment(String name);

    /** One page of the deployments a filter selects, and how many it selects in all. */
    default DeploymentFilter.Page deployments(DeploymentFilter filter) {
        return filter.apply(deployments());
    }

    /** How many deployments run on each cluster (by where they run now). */
    default java.util.Map<String, Long> deploymentsPerCluster() {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        deployments().forEach(d -> counts.merge(d.currentCluster(), 1L, Long::sum));
        return counts;
    }

    /**
     * Creates a deployment at generation 1.
     *
     * @throws ConflictException when one of that name exists or ever existed (a deleted one's
     *     JobIDs would repeat)
     */
    void createDeployment(DeploymentSpec spec, Event audit);

    /**
     * Replaces the desired spec; the stored generation must still be {@code expectedGeneration} and
     * becomes {@code spec.generation()}.
     *
     * @throws ConflictException when the generation moved on or the deployment is gone
     */
    void replaceSpec(DeploymentSpec spec, long expectedGeneration, Event audit);

    /**
     * Replaces the whole record (spec, last reconciled spec and status), as when an operator's
     * declaration of a lost cluster places the deployment elsewhere; same rule as {@link
     * #replaceSpec}.
     */
    void replaceDeployment(Deployment deployment, long expectedGeneration, Event audit);

    /**
     * Removes a deployment at generation {@code expectedGeneration} and remembers it as deleted at
     * {@code at}, so its state can be cleaned after the grace period.
     *
     * @throws ConflictException when the generation moved on or the deployment is gone
     */
    void deleteDeployment(String name, long expectedGeneration, Instant at, Event audit);

    /** Deployments deleted and not yet cleaned: their last record and when they were deleted. */
    List<Deleted> deleted();

    /** Marks a deleted deployment's state as cleaned. */
    void markCleaned(String name, Instant deletedAt, Event audit);

    /** A deleted deployment: its last record and when it was deleted. */
    record Deleted(Deployment deployment, Instant deletedAt) {}

    void putLineage(String deployment, String version, String json, Event audit);

    Optional<String> lineage(String deployment, String version);

    /** How the supervisor last saw {@code cluster}; empty when it never observed it. */
    Optional<Reachability> reachability(String cluster);

    /** Records a change of a cluster's reachability with its event. */
    void putReachability(Reachability reachability, Event audit);

    /**
     * {@link #replaceDeployment} that also remembers the jobs the move leaves behind on the lost
     * cluster, in the same transaction.
     */
    void moveDeployment(
            Deployment deployment,
            long expectedGeneration,
            List<AbandonedJob> abandoned,
            Event audit);

    /** The jobs left behind on {@code cluster} that were not yet seen gone. */
    List<AbandonedJob> abandonedJobs(String cluster);

    /** Records that an abandoned job is gone (cancelled, or never there). */
    void settleAbandoned(AbandonedJob job, Instant at, Event audit);

    /** Appends an event outside of any change, such as a refused or a read-only request. */
    void appendAudit(Event event);

    /**
     * Events oldest first with an id above {@code afterId}, of one deployment or of all (null), at
     * most {@code limit}.
     */
    List<AuditEntry> events(String deployment, long afterId, int limit);
}
