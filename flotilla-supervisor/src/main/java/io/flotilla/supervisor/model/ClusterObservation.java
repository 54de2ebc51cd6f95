package io.flotilla.supervisor.model;

import java.time.Instant;
import java.util.List;

/** Every job of one cluster from one list call, or the fact that the cluster did not answer. */
public record ClusterObservation(
        String cluster,
        boolean reachable,
        List<ObservedJob> jobs,
        Instant observedAt,
        String error) {

    public ClusterObservation {
        jobs = List.copyOf(jobs);
    }

    public static ClusterObservation reached(String cluster, List<ObservedJob> jobs, Instant at) {
        return new ClusterObservation(cluster, true, jobs, at, null);
    }

    public static ClusterObservation unreachable(String cluster, Instant at, String error) {
        return new ClusterObservation(cluster, false, List.of(), at, error);
    }
}
