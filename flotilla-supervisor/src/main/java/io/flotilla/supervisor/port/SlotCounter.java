package io.flotilla.supervisor.port;

/**
 * Asks a cluster how many task slots it has and which Flink version it runs, in one look at its
 * sidecar's view of Flink's overview.
 */
@FunctionalInterface
public interface SlotCounter {

    /**
     * What one cluster reports.
     *
     * @param flinkVersion the version Flink reports, or null when it reports none
     */
    record Report(int slotsTotal, String flinkVersion) {}

    /**
     * @throws RuntimeException when the cluster does not answer
     */
    Report report(String cluster);
}
