package io.flotilla.supervisor;

import io.flotilla.supervisor.model.AbandonedJob;
import io.flotilla.supervisor.model.AuditEntry;
import io.flotilla.supervisor.model.Cluster;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.DeploymentSpec;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.model.Reachability;
import io.flotilla.supervisor.port.ConflictException;
import io.flotilla.supervisor.port.ControlStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API's store in memory, over the same rows and event log as a {@link TestingDeploymentStore},
 * with the production rules (generation checks, change and event together). {@link #failWrites}
 * makes every change fail before anything is written, as a lost database connection would.
 */
final class TestingControlStore implements ControlStore {

    private final TestingDeploymentStore rows;
    private final Map<String, Cluster> clusters = new LinkedHashMap<>();
    private final Map<String, String> lineage = new LinkedHashMap<>();
    private final List<Deleted> deleted = new ArrayList<>();
    private final java.util.Set<String> deletedNames = new java.util.HashSet<>();
    private final Map<String, Reachability> reachability = new LinkedHashMap<>();
    private final Map<String, AbandonedJob> abandoned = new LinkedHashMap<>();
    boolean failWrites;

    TestingControlStore(TestingDeploymentStore rows) {
        this.rows = rows;
    }

    @Override
    public synchronized List<Cluster> clusters() {
        return List.copyOf(clusters.values());
    }

    @Override
    public synchronized Optional<Cluster> cluster(String name) {
        return Optional.ofNullable(clusters.get(name));
    }

    @Override
    public synchronized void putCluster(Cluster cluster, Event audit) {
        write();
        clusters.put(cluster.name(), cluster);
        rows.appendEvent(audit);
    }

    @Override
    public synchronized List<Deployment> deployments() {
        return rows.loadAll();
    }

    @Override
    public synchronized Optional<Deployment> deployment(String name) {
        return Optional.ofNullable(rows.rows.get(name));
    }

    @Override
    public synchronized void createDeployment(DeploymentSpec spec, Event audit) {
        write();
        if (rows.rows.containsKey(spec.name())) {
            throw new ConflictException("deployment " + spec.name() + " exists already");
        }
        if (deletedNames.contains(spec.name())) {
            throw new ConflictException(
                    "the name "
                            + spec.name()
                            + " belonged to a deleted deployment, and its JobIDs would repeat: choose another name");
        }
        rows.rows.put(spec.name(), Deployment.of(spec).withTimes(audit.at(), audit.at()));
        rows.appendEvent(audit);
    }

    @Override
    public synchronized void replaceSpec(
            DeploymentSpec spec, long expectedGeneration, Event audit) {
        Deployment current = at(spec.name(), expectedGeneration);
        rows.rows.put(
                spec.name(), current.withSpec(spec).withTimes(current.createdAt(), audit.at()));
        rows.appendEvent(audit);
    }

    @Override
    public synchronized void replaceDeployment(
            Deployment deployment, long expectedGeneration, Event audit) {
        Deployment current = at(deployment.name(), expectedGeneration);
        rows.rows.put(deployment.name(), deployment.withTimes(current.createdAt(), audit.at()));
        rows.appendEvent(audit);
    }

    @Override
    public synchronized Optional<Reachability> reachability(String cluster) {
        return Optional.ofNullable(reachability.get(cluster));
    }

    @Override
    public synchronized void putReachability(Reachability r, Event audit) {
        write();
        reachability.put(r.cluster(), r);
        rows.appendEvent(audit);
    }

    @Override
    public synchronized void moveDeployment(
            Deployment deployment, long expectedGeneration, List<AbandonedJob> left, Event audit) {
        Deployment current = at(deployment.name(), expectedGeneration);
        rows.rows.put(deployment.name(), deployment.withTimes(current.createdAt(), audit.at()));
        for (AbandonedJob j : left) {
            abandoned.putIfAbsent(j.cluster() + "/" + j.jobId(), j);
        }
        rows.appendEvent(audit);
    }

    @Override
    public synchronized List<AbandonedJob> abandonedJobs(String cluster) {
        return abandoned.values().stream().filter(j -> j.cluster().equals(cluster)).toList();
    }

    @Override
    public synchronized void settleAbandoned(AbandonedJob job, Instant at, Event audit) {
        write();
        abandoned.remove(job.cluster() + "/" + job.jobId());
        rows.appendEvent(audit);
    }

    /** Marks {@code cluster} as answering or not since {@code since}, as the supervisor would. */
    synchronized void reachable(String cluster, boolean answers, Instant since) {
        reachability.put(
                cluster,
                answers
                        ? Reachability.answering(cluster, since)
                        : Reachability.silent(cluster, since, "connection refused"));
    }

    @Override
    public synchronized void deleteDeployment(
            String name, long expectedGeneration, Instant at, Event audit) {
        Deployment current = at(name, expectedGeneration);
        rows.rows.remove(name);
        deleted.add(new Deleted(current, at));
        deletedNames.add(name);
        rows.appendEvent(audit);
    }

    @Override
    public synchronized List<Deleted> deleted() {
        return List.copyOf(deleted);
    }

    @Override
    public synchronized void markCleaned(String name, Instant deletedAt, Event audit) {
        write();
        deleted.removeIf(
                d -> d.deployment().name().equals(name) && d.deletedAt().equals(deletedAt));
        rows.appendEvent(audit);
    }

    @Override
    public synchronized void putLineage(
            String deployment, String version, String json, Event audit) {
        write();
        lineage.put(deployment + "@" + version, json);
        rows.appendEvent(audit);
    }

    @Override
    public synchronized Optional<String> lineage(String deployment, String version) {
        return Optional.ofNullable(lineage.get(deployment + "@" + version));
    }

    @Override
    public synchronized void appendAudit(Event event) {
        rows.appendEvent(event);
    }

    @Override
    public synchronized List<AuditEntry> events(String deployment, long afterId, int limit) {
        List<AuditEntry> out = new ArrayList<>();
        for (int i = (int) Math.max(0, afterId);
                i < rows.events.size() && out.size() < limit;
                i++) {
            Event e = rows.events.get(i);
            if (deployment == null || deployment.equals(e.deployment())) {
                out.add(new AuditEntry(i + 1, e));
            }
        }
        return out;
    }

    private Deployment at(String name, long expectedGeneration) {
        write();
        Deployment current = rows.rows.get(name);
        if (current == null || current.spec().generation() != expectedGeneration) {
            throw new ConflictException(
                    "deployment "
                            + name
                            + " is no longer at generation "
                            + expectedGeneration
                            + " (changed or deleted meanwhile): read it again and retry");
        }
        return current;
    }

    private void write() {
        if (failWrites) {
            throw new IllegalStateException("supervisor store: connection refused (testing)");
        }
    }
}
