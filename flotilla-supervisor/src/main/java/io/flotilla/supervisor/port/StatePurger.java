package io.flotilla.supervisor.port;

import java.util.List;
import java.util.Set;

/** Deletes every checkpoint and savepoint of given jobs on a cluster, never a pinned path. */
@FunctionalInterface
public interface StatePurger {

    /**
     * @return how many checkpoints and savepoints were deleted
     */
    int purge(String cluster, Set<String> jobIds, List<String> pins, long fencingToken);
}
