package io.flotilla.supervisor.model;

/**
 * What placement knows about one cluster.
 *
 * @param slots its task slots, or 0 when unknown (then nothing is refused for lack of room)
 * @param healthy whether a job may be placed there by choice: answering and not declared lost
 * @param flinkVersion the Flink version its sidecar last reported, or null when unknown
 */
public record ClusterCapacity(
        String name, String pool, int slots, boolean healthy, String flinkVersion) {

    /** A cluster whose Flink version is unknown. */
    public ClusterCapacity(String name, String pool, int slots, boolean healthy) {
        this(name, pool, slots, healthy, null);
    }

    /** The same cluster, healthy or not. */
    public ClusterCapacity withHealthy(boolean value) {
        return new ClusterCapacity(name, pool, slots, value, flinkVersion);
    }

    /**
     * Whether a job asking for {@code range} may run here: always without a range, never by choice
     * with one while the version is unknown ({@code unknownFits} says what a named cluster gets).
     */
    public boolean runs(FlinkVersionRange range, boolean unknownFits) {
        if (range == null) {
            return true;
        }
        FlinkVersion v = FlinkVersion.reported(flinkVersion);
        return v == null ? unknownFits : range.contains(v);
    }

    /** "Flink 2.0.0", or that the version is unknown. */
    public String describeFlink() {
        return flinkVersion == null ? "Flink version unknown" : "Flink " + flinkVersion;
    }
}
