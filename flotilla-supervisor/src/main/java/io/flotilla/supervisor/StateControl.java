package io.flotilla.supervisor;

import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.DeploymentStatus;
import io.flotilla.supervisor.model.RetentionPolicy;
import io.flotilla.supervisor.port.Clock;
import io.flotilla.supervisor.port.DeploymentStore;
import io.flotilla.supervisor.port.StateCleaner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps S3 tidy: now and then, per cluster, pins everything a deployment may still need and asks
 * the cluster's sidecar to clean the rest by retention. What a deployment may need: its newest
 * savepoint and checkpoint and newest restorable state, the savepoint of a release in progress (it
 * is what a rollback starts from), what an intent will restore from, and an operator's chosen
 * restore point.
 */
public final class StateControl {

    /** Retention: the newest savepoints per job to keep, and the age under which anything stays. */
    public record Retention(int keepSavepoints, Duration maxAge, Duration every) {

        public static Retention defaults() {
            return new Retention(3, Duration.ofDays(7), Duration.ofMinutes(10));
        }
    }

    private final DeploymentStore store;
    private final StateCleaner cleaner;
    private final Clock clock;
    private final Retention retention;
    private static final Duration CHECK_EVERY = Duration.ofSeconds(30);

    private final Map<String, Instant> lastRun = new ConcurrentHashMap<>();
    private volatile Instant nextCheck;

    public StateControl(
            DeploymentStore store, StateCleaner cleaner, Clock clock, Retention retention) {
        this.store = store;
        this.cleaner = cleaner;
        this.clock = clock;
        this.retention = retention;
    }

    /**
     * Cleans every cluster whose last cleaning is older than {@code retention.every()}; returns
     * which.
     */
    public List<String> run(long fencingToken) {
        Instant now = clock.now();
        // Every step asks; loading every deployment to find that no cluster is due cost a full
        // read of the store per step at 10,000 deployments. A new cluster waits at most this long.
        if (nextCheck != null && now.isBefore(nextCheck)) {
            return List.of();
        }
        Duration wait =
                retention.every().compareTo(CHECK_EVERY) < 0 ? retention.every() : CHECK_EVERY;
        nextCheck = now.plus(wait);
        List<Deployment> deployments = store.loadAll();
        Set<String> clusters = new TreeSet<>();
        deployments.forEach(d -> clusters.addAll(DefaultObserver.clustersOf(d)));
        List<String> cleaned = new ArrayList<>();
        for (String cluster : clusters) {
            Instant last = lastRun.get(cluster);
            if (last != null && last.plus(retention.every()).isAfter(now)) {
                continue;
            }
            RetentionPolicy keep = retentionOf(deployments, cluster);
            try {
                cleaner.clean(
                        cluster,
                        pins(deployments, cluster),
                        keep.keepSavepoints(),
                        keep.maxAge(),
                        fencingToken);
                lastRun.put(cluster, now);
                cleaned.add(cluster);
            } catch (RuntimeException e) {
                // One cluster's trouble must not keep the others untidy; it is tried next run.
            }
        }
        return cleaned;
    }

    /**
     * The retention one cleaning of {@code cluster} applies: the sidecar cleans by one rule per
     * cluster, so the most generous of its deployments' policies (platform defaults filling the
     * gaps) keeps at least what every deployment asked for.
     */
    RetentionPolicy retentionOf(List<Deployment> deployments, String cluster) {
        int keep = retention.keepSavepoints();
        Duration maxAge = retention.maxAge();
        for (Deployment d : deployments) {
            if (d.spec().retention() != null && DefaultObserver.clustersOf(d).contains(cluster)) {
                RetentionPolicy p =
                        d.spec()
                                .retention()
                                .orDefaults(retention.keepSavepoints(), retention.maxAge());
                keep = Math.max(keep, p.keepSavepoints());
                maxAge = p.maxAge().compareTo(maxAge) > 0 ? p.maxAge() : maxAge;
            }
        }
        return new RetentionPolicy(keep, maxAge);
    }

    /** Makes the next {@link #run} clean every cluster now, whenever it last did. */
    public void requestRun() {
        lastRun.clear();
        nextCheck = null;
    }

    /** Every path {@code d} may still restore from, on any cluster. */
    public static List<String> pinned(Deployment d) {
        DeploymentStatus s = d.status();
        Set<String> needed = new LinkedHashSet<>();
        needed.add(s.lastSavepoint());
        needed.add(s.lastCheckpoint());
        needed.add(s.newestRestorable());
        needed.add(d.spec().restoreFrom());
        if (s.release() != null) {
            needed.add(s.release().savepoint());
        }
        if (s.intent() != null) {
            needed.add(s.intent().restorePath());
        }
        needed.remove(null);
        return List.copyOf(needed);
    }

    /** Every path of {@code cluster}'s state prefix that a deployment may still restore from. */
    static List<String> pins(List<Deployment> deployments, String cluster) {
        String prefix = "/" + cluster + "/";
        Set<String> pins = new LinkedHashSet<>();
        for (Deployment d : deployments) {
            for (String path : pinned(d)) {
                // Only what lies under this cluster's prefix: its sidecar refuses other pins.
                if (path != null && path.contains(prefix)) {
                    pins.add(path);
                }
            }
        }
        return List.copyOf(pins);
    }
}
