package io.flotilla.supervisor.port;

/** Asks a cluster how many task slots it has (its sidecar's view of Flink's overview). */
@FunctionalInterface
public interface SlotCounter {

    /**
     * @throws RuntimeException when the cluster does not answer
     */
    int slotsTotal(String cluster);
}
