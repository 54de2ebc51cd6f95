package io.flotilla.supervisor.port;

import io.flotilla.supervisor.model.StoredState;
import java.util.List;

/** Lists the checkpoints and savepoints a cluster's state prefix holds. */
@FunctionalInterface
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
}
