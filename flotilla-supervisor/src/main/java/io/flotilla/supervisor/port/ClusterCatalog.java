package io.flotilla.supervisor.port;

import io.flotilla.supervisor.model.ClusterCapacity;
import java.util.List;

/** The registered clusters as placement sees them: pool, slots and health. */
@FunctionalInterface
public interface ClusterCatalog {

    List<ClusterCapacity> capacities();
}
