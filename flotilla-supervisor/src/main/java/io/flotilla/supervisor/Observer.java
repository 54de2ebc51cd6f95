package io.flotilla.supervisor;

import io.flotilla.supervisor.model.ClusterObservation;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.ObservedState;
import java.util.List;
import java.util.Map;

/** Turns one observation per cluster into what each deployment's jobs are doing. */
@FunctionalInterface
public interface Observer {

    /**
     * @param clusters the observation of each cluster, by name
     * @return the observed state of every deployment, by deployment name
     */
    Map<String, ObservedState> observe(
            Map<String, ClusterObservation> clusters, List<Deployment> deployments);
}
