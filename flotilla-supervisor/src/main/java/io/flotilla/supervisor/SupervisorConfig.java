package io.flotilla.supervisor;

import java.time.Duration;

/**
 * The supervisor's timing rules.
 *
 * @param jobBackoff between resubmissions of a failed or lost job, and retries of a refused step
 * @param clusterBackoff between list calls to a cluster that did not answer
 * @param releaseTimeout how long a new version has to be RUNNING with a checkpoint of its own
 * @param cancelRetryAfter when a cancel not yet seen in the observation is sent again
 * @param crashLoopFailures this many failures within {@code crashLoopWindow} stop the retries: the
 *     deployment needs attention
 * @param crashLoopWindow see {@code crashLoopFailures}
 * @param checkpointInterval the clusters' default checkpoint interval, for deployments that set
 *     none
 * @param missedCheckpoints a RUNNING job without a completed checkpoint for this many intervals is
 *     shown unhealthy
 */
public record SupervisorConfig(
        Backoff jobBackoff,
        Backoff clusterBackoff,
        Duration releaseTimeout,
        Duration cancelRetryAfter,
        int crashLoopFailures,
        Duration crashLoopWindow,
        Duration checkpointInterval,
        int missedCheckpoints) {

    public static final int CRASH_LOOP_FAILURES = 5;
    public static final Duration CRASH_LOOP_WINDOW = Duration.ofMinutes(10);
    public static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(10);
    public static final int MISSED_CHECKPOINTS = 3;

    public SupervisorConfig {
        if (crashLoopFailures < 1) {
            throw new IllegalArgumentException(
                    "crashLoopFailures must be at least 1, got " + crashLoopFailures);
        }
        if (missedCheckpoints < 1) {
            throw new IllegalArgumentException(
                    "missedCheckpoints must be at least 1, got " + missedCheckpoints);
        }
    }

    /** The rules with the default crash-loop and checkpoint-health limits. */
    public SupervisorConfig(
            Backoff jobBackoff,
            Backoff clusterBackoff,
            Duration releaseTimeout,
            Duration cancelRetryAfter) {
        this(
                jobBackoff,
                clusterBackoff,
                releaseTimeout,
                cancelRetryAfter,
                CRASH_LOOP_FAILURES,
                CRASH_LOOP_WINDOW,
                CHECKPOINT_INTERVAL,
                MISSED_CHECKPOINTS);
    }

    public static SupervisorConfig defaults() {
        return new SupervisorConfig(
                new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5)),
                new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1)),
                Duration.ofMinutes(10),
                Duration.ofSeconds(30));
    }

    public SupervisorConfig withCrashLoop(int failures, Duration window) {
        return new SupervisorConfig(
                jobBackoff,
                clusterBackoff,
                releaseTimeout,
                cancelRetryAfter,
                failures,
                window,
                checkpointInterval,
                missedCheckpoints);
    }

    public SupervisorConfig withCheckpointHealth(Duration interval, int missed) {
        return new SupervisorConfig(
                jobBackoff,
                clusterBackoff,
                releaseTimeout,
                cancelRetryAfter,
                crashLoopFailures,
                crashLoopWindow,
                interval,
                missed);
    }
}
