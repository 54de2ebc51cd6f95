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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Every cluster port over a set of {@link TestingCluster}s, routed by cluster name. It watches the
 * supervisor's concurrency: how many calls run at once, overall and per cluster, and whether two
 * ever ran at once for one deployment; {@link #callMillis} makes each call take that long, so that
 * calls the supervisor runs in parallel do overlap.
 */
final class TestingClusters implements JobLister, JobSubmitter, JobStopper, JobCanceller {

    private final Map<String, TestingCluster> clusters = new TreeMap<>();

    /** How long each submit, stop, poll and cancel takes (outside the cluster's lock). */
    volatile long callMillis;

    private final Map<String, Integer> inFlightByDeployment = new HashMap<>();
    private final Map<String, Integer> inFlightByCluster = new HashMap<>();
    private int inFlight;

    /** Most calls in flight at once, overall and per cluster. */
    int maxInFlight;

    final Map<String, Integer> maxInFlightByCluster = new HashMap<>();

    /**
     * When above 1, the first calls wait (up to 10 s) until this many are in flight at once, so a
     * test sees the supervisor's parallelism without depending on timing; then the gate stays open.
     */
    int holdUntilInFlight;

    private boolean gateOpen;

    /** Calls that started while another call for the same deployment was in flight. */
    int overlapsOnOneDeployment;

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
        return new ClusterPorts(this, this, this, this, listsState ? lister() : null);
    }

    /** The clusters' state listings, as the sidecar adapter lists them. */
    StateLister lister() {
        return new StateLister() {
            @Override
            public StateLister.Listing listState(String cluster, long fencingToken) {
                return route(cluster).listState();
            }

            @Override
            public StateLister.Listing listState(String cluster, String path, long fencingToken) {
                return route(cluster).listState(path);
            }
        };
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
        return watched(
                command.cluster(),
                command.deployment(),
                () -> route(command.cluster()).submit(command));
    }

    @Override
    public String stopWithSavepoint(String cluster, String jobId, long fencingToken) {
        return watched(
                cluster,
                deploymentOf(cluster, jobId),
                () -> route(cluster).stopWithSavepoint(jobId));
    }

    @Override
    public OperationStatus poll(String cluster, String operationId, long fencingToken) {
        // Operation ids are "stop.<jobId>.<n>".
        String[] parts = operationId.split("\\.");
        String jobId = parts.length == 3 ? parts[1] : operationId;
        return watched(
                cluster, deploymentOf(cluster, jobId), () -> route(cluster).poll(operationId));
    }

    @Override
    public void cancel(String cluster, String jobId, long fencingToken) {
        watched(
                cluster,
                deploymentOf(cluster, jobId),
                () -> {
                    route(cluster).cancel(jobId);
                    return null;
                });
    }

    private String deploymentOf(String cluster, String jobId) {
        TestingCluster c = clusters.get(cluster);
        String deployment = c == null ? null : c.deploymentOf(jobId);
        return deployment == null ? "job " + jobId : deployment;
    }

    private <T> T watched(String cluster, String deployment, Supplier<T> call) {
        synchronized (this) {
            if (inFlightByDeployment.merge(deployment, 1, Integer::sum) > 1) {
                overlapsOnOneDeployment++;
            }
            int onCluster = inFlightByCluster.merge(cluster, 1, Integer::sum);
            maxInFlightByCluster.merge(cluster, onCluster, Math::max);
            maxInFlight = Math.max(maxInFlight, ++inFlight);
            if (inFlight >= holdUntilInFlight) {
                gateOpen = true;
                notifyAll();
            }
            long until = System.nanoTime() + 10_000_000_000L;
            while (!gateOpen && System.nanoTime() < until) {
                try {
                    wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        try {
            if (callMillis > 0) {
                Thread.sleep(callMillis);
            }
            return call.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            synchronized (this) {
                inFlightByDeployment.merge(deployment, -1, Integer::sum);
                inFlightByCluster.merge(cluster, -1, Integer::sum);
                inFlight--;
            }
        }
    }

    private TestingCluster route(String cluster) {
        TestingCluster c = clusters.get(cluster);
        if (c == null) {
            throw new ClusterUnreachableException(cluster, "no such cluster");
        }
        return c;
    }
}
