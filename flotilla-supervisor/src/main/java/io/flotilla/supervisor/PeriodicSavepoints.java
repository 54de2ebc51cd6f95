package io.flotilla.supervisor;

import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.DeploymentStatus;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.model.Phase;
import io.flotilla.supervisor.model.RetentionPolicy;
import io.flotilla.supervisor.port.Clock;
import io.flotilla.supervisor.port.DeploymentStore;
import io.flotilla.supervisor.port.JobSavepoints;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;

/**
 * Takes the periodic savepoints deployments ask for ({@code retention.savepointEvery}) while their
 * job runs and nothing else is being done to it; retention then keeps the newest ones. The leader
 * runs it between ticks.
 *
 * <p>When each deployment was last saved is kept in memory: a new leader (or a deployment seen for
 * the first time) starts each clock at a random point of its period, so that a failover neither
 * skips a savepoint for a whole period on average nor takes every deployment's at once.
 */
public final class PeriodicSavepoints {

    private final DeploymentStore store;
    private final JobSavepoints savepoints;
    private final Clock clock;
    private final LongUnaryOperator random;
    private final Map<String, Instant> last = new HashMap<>();

    public PeriodicSavepoints(DeploymentStore store, JobSavepoints savepoints, Clock clock) {
        this(store, savepoints, clock, bound -> ThreadLocalRandom.current().nextLong(bound));
    }

    /**
     * @param random a number in {@code [0, bound)} for a bound in milliseconds
     */
    PeriodicSavepoints(
            DeploymentStore store,
            JobSavepoints savepoints,
            Clock clock,
            LongUnaryOperator random) {
        this.store = store;
        this.savepoints = savepoints;
        this.clock = clock;
        this.random = random;
    }

    /** Triggers every savepoint that is due; returns the deployments it triggered one for. */
    public List<String> run(List<Deployment> deployments, long fencingToken) {
        Instant now = clock.now();
        List<String> triggered = new java.util.ArrayList<>();
        Map<String, Instant> seen = new HashMap<>();
        for (Deployment d : deployments) {
            RetentionPolicy r = d.spec().retention();
            Duration every = r == null ? null : r.savepointEvery();
            if (every == null) {
                continue;
            }
            Instant since = last.get(d.name());
            if (since == null) {
                since = now.minusMillis(random.applyAsLong(Math.max(1, every.toMillis())));
            }
            seen.put(d.name(), since);
            if (!idle(d.status()) || since.plus(every).isAfter(now)) {
                continue;
            }
            String cluster = d.currentCluster();
            String jobId = d.status().jobId();
            try {
                String operation = savepoints.savepoint(cluster, jobId, fencingToken);
                seen.put(d.name(), now);
                triggered.add(d.name());
                store.appendEvent(
                        new Event(
                                d.name(),
                                now,
                                "PeriodicSavepoint",
                                "savepoint of job "
                                        + jobId
                                        + " on "
                                        + cluster
                                        + " triggered (every "
                                        + every
                                        + ", operation "
                                        + operation
                                        + ")",
                                fencingToken));
            } catch (RuntimeException e) {
                // The cluster does not answer or refuses now: tried again at the next run.
            }
        }
        // Deployments gone or no longer asking are forgotten.
        last.clear();
        last.putAll(seen);
        return triggered;
    }

    /** A running job that no stop, release, rollback or intent is working on. */
    private static boolean idle(DeploymentStatus s) {
        return s.phase() == Phase.RUNNING
                && s.jobId() != null
                && s.release() == null
                && s.intent() == null;
    }
}
