package io.flotilla.supervisor;

import io.flotilla.supervisor.model.Cluster;
import io.flotilla.supervisor.model.ClusterCapacity;
import io.flotilla.supervisor.port.ClusterCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The registered clusters' capacities for placement: the slots each cluster's sidecar last reported
 * to {@link ClusterHealth} (or, before that or when it reports none, the slots it was registered
 * with), the Flink version it last reported (kept while it is silent), and whether it last
 * answered. Written by the health check, read every tick.
 */
public final class ClusterSlots implements ClusterCatalog {

    private record Seen(boolean answers, Integer reported, String flinkVersion) {}

    private final Supplier<List<Cluster>> registered;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    /** {@code registered}: the registered clusters, asked at every tick. */
    public ClusterSlots(Supplier<List<Cluster>> registered) {
        this.registered = registered;
    }

    /** What one look at {@code cluster} found; {@code reported} is null when it said nothing. */
    public void update(String cluster, boolean answers, Integer reported) {
        update(cluster, answers, reported, null);
    }

    /**
     * What one look at {@code cluster} found; {@code reported} and {@code flinkVersion} are null
     * when it said nothing (a version once reported is kept: a silent cluster did not change it).
     */
    public void update(String cluster, boolean answers, Integer reported, String flinkVersion) {
        seen.compute(
                cluster,
                (k, before) ->
                        new Seen(
                                answers,
                                reported,
                                flinkVersion != null || before == null
                                        ? flinkVersion
                                        : before.flinkVersion()));
    }

    @Override
    public List<ClusterCapacity> capacities() {
        List<ClusterCapacity> out = new ArrayList<>();
        for (Cluster c : registered.get()) {
            Seen s = seen.get(c.name());
            int slots =
                    s != null && s.reported() != null && s.reported() > 0
                            ? s.reported()
                            : c.slots();
            boolean answers = s == null || s.answers();
            out.add(
                    new ClusterCapacity(
                            c.name(),
                            c.pool(),
                            slots,
                            answers && !c.lost(),
                            s == null ? null : s.flinkVersion()));
        }
        return out;
    }
}
