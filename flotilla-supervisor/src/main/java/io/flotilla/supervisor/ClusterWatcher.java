package io.flotilla.supervisor;

import io.flotilla.supervisor.model.ClusterObservation;
import io.flotilla.supervisor.model.ObservedJob;
import io.flotilla.supervisor.port.JobLister;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Observes clusters with one list call each, and backs off a cluster that fails, so that one broken
 * sidecar costs neither time nor calls for the others. Action threads report failures concurrently.
 */
public final class ClusterWatcher {

    private final JobLister lister;
    private final Backoff backoff;
    private final long fencingToken;
    private final Map<String, Failing> failing = new java.util.concurrent.ConcurrentHashMap<>();

    private record Failing(int failures, Instant retryAt, String error) {}

    public ClusterWatcher(JobLister lister, Backoff backoff, long fencingToken) {
        this.lister = lister;
        this.backoff = backoff;
        this.fencingToken = fencingToken;
    }

    /** One observation per cluster; a cluster in backoff is not called and counts unreachable. */
    public Map<String, ClusterObservation> observe(Collection<String> clusters, Instant now) {
        Map<String, ClusterObservation> observations = new LinkedHashMap<>();
        for (String cluster : clusters) {
            Failing f = failing.get(cluster);
            if (f != null && now.isBefore(f.retryAt())) {
                // The same reason as when the call failed, so deployments marked unknown then
                // need no new write now.
                observations.put(cluster, ClusterObservation.unreachable(cluster, now, f.error()));
                continue;
            }
            try {
                List<ObservedJob> jobs = lister.listJobs(cluster, fencingToken);
                failing.remove(cluster);
                observations.put(cluster, ClusterObservation.reached(cluster, jobs, now));
            } catch (RuntimeException e) {
                failed(cluster, now, String.valueOf(e.getMessage()));
                observations.put(
                        cluster, ClusterObservation.unreachable(cluster, now, e.getMessage()));
            }
        }
        return observations;
    }

    /** A call to {@code cluster} failed: leave it alone until its backoff expires. */
    public synchronized void failed(String cluster, Instant now, String error) {
        Failing previous = failing.get(cluster);
        int failures = previous == null ? 1 : previous.failures() + 1;
        failing.put(cluster, new Failing(failures, now.plus(backoff.delay(failures)), error));
    }

    /** Whether calls to {@code cluster} may be made now. */
    public boolean available(String cluster, Instant now) {
        Failing f = failing.get(cluster);
        return f == null || !now.isBefore(f.retryAt());
    }
}
