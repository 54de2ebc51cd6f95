package io.flotilla.supervisor.port;

import io.flotilla.supervisor.model.StoredState;
import java.util.Collection;
import java.util.List;

/** Lists the checkpoints and savepoints a cluster's state prefix holds. */
public interface StateLister {

    /** What a cluster's state listing shows: its root and every checkpoint and savepoint. */
    record Listing(String root, List<StoredState> states) {
        public Listing {
            states = List.copyOf(states);
        }
    }

    /**
     * @throws ClusterUnreachableException when the cluster (its sidecar) does not answer
     */
    Listing listState(String cluster, long fencingToken);

    /**
     * What lies under {@code path} only (the same root, fewer states): checking one restore path
     * lists that path, not every job's state. Lists everything unless an adapter can do better.
     *
     * @throws ClusterUnreachableException when the cluster (its sidecar) does not answer
     */
    default Listing listState(String cluster, String path, long fencingToken) {
        return listState(cluster, fencingToken);
    }

    /**
     * The checkpoints and savepoints of {@code jobIds} only, from their own folders: what one
     * deployment left, without listing every job's state. Filters a full listing unless an adapter
     * can do better.
     *
     * @throws ClusterUnreachableException when the cluster (its sidecar) does not answer
     */
    default Listing listJobsState(String cluster, Collection<String> jobIds, long fencingToken) {
        Listing all = listState(cluster, fencingToken);
        return new Listing(
                all.root(),
                all.states().stream()
                        .filter(s -> s.jobId() != null && jobIds.contains(s.jobId()))
                        .toList());
    }
}
