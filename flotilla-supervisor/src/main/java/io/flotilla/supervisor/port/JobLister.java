package io.flotilla.supervisor.port;

import io.flotilla.supervisor.model.ObservedJob;
import java.util.List;

/** Lists every job of one cluster in one call; the supervisor never asks for a single job. */
@FunctionalInterface
public interface JobLister {

    /**
     * @throws ClusterUnreachableException when the cluster (its sidecar) does not answer
     */
    List<ObservedJob> listJobs(String cluster, long fencingToken);
}
