package io.flotilla.supervisor;

import io.flotilla.supervisor.model.ObservedJob;
import io.flotilla.supervisor.port.ClusterPorts;
import io.flotilla.supervisor.port.ClusterUnreachableException;
import io.flotilla.supervisor.port.JobCanceller;
import io.flotilla.supervisor.port.JobLister;
import io.flotilla.supervisor.port.JobStopper;
import io.flotilla.supervisor.port.JobSubmitter;
import io.flotilla.supervisor.port.OperationStatus;
import io.flotilla.supervisor.port.StateLister;
import io.flotilla.supervisor.port.SubmitCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every cluster port over a set of {@link TestingCluster}s, routed by cluster name. */
final class TestingClusters implements JobLister, JobSubmitter, JobStopper, JobCanceller {

    private final Map<String, TestingCluster> clusters = new TreeMap<>();

    TestingClusters(String... names) {
        for (String name : names) {
            clusters.put(name, new TestingCluster(name));
        }
    }

    TestingCluster get(String name) {
        TestingCluster cluster = clusters.get(name);
        if (cluster == null) {
            throw new IllegalArgumentException("no testing cluster " + name);
        }
        return cluster;
    }

    List<TestingCluster> all() {
        return List.copyOf(clusters.values());
    }

    /** Whether submits check their restore path against the clusters' state listings. */
    boolean listsState;

    ClusterPorts ports() {
        return new ClusterPorts(this, this, this, this, listsState ? this::listState : null);
    }

    private StateLister.Listing listState(String cluster, long fencingToken) {
        return route(cluster).listState();
    }

    int listCalls() {
        return clusters.values().stream().mapToInt(c -> c.listCalls).sum();
    }

    /** Every job of {@code deployment} that is alive on any cluster. */
    List<TestingCluster.Job> aliveJobsOf(String deployment) {
        List<TestingCluster.Job> jobs = new ArrayList<>();
        clusters.values().forEach(c -> jobs.addAll(c.aliveJobsOf(deployment)));
        return jobs;
    }

    /** Every submit that created a job, on any cluster. */
    List<SubmitCommand> created() {
        List<SubmitCommand> created = new ArrayList<>();
        clusters.values().forEach(c -> created.addAll(c.created));
        return created;
    }

    @Override
    public List<ObservedJob> listJobs(String cluster, long fencingToken) {
        return route(cluster).list();
    }

    @Override
    public boolean submit(SubmitCommand command) {
        return route(command.cluster()).submit(command);
    }

    @Override
    public String stopWithSavepoint(String cluster, String jobId, long fencingToken) {
        return route(cluster).stopWithSavepoint(jobId);
    }

    @Override
    public OperationStatus poll(String cluster, String operationId, long fencingToken) {
        return route(cluster).poll(operationId);
    }

    @Override
    public void cancel(String cluster, String jobId, long fencingToken) {
        route(cluster).cancel(jobId);
    }

    private TestingCluster route(String cluster) {
        TestingCluster c = clusters.get(cluster);
        if (c == null) {
            throw new ClusterUnreachableException(cluster, "no such cluster");
        }
        return c;
    }
}
