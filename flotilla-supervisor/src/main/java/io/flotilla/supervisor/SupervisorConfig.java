package io.flotilla.supervisor;

import java.time.Duration;

/**
 * The supervisor's timing rules.
 *
 * @param jobBackoff between resubmissions of a failed or lost job, and retries of a refused step
 * @param clusterBackoff between list calls to a cluster that did not answer
 * @param releaseTimeout how long a new version has to be RUNNING with a checkpoint of its own
 * @param cancelRetryAfter when a cancel not yet seen in the observation is sent again
 */
public record SupervisorConfig(
        Backoff jobBackoff,
        Backoff clusterBackoff,
        Duration releaseTimeout,
        Duration cancelRetryAfter) {

    public static SupervisorConfig defaults() {
        return new SupervisorConfig(
                new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5)),
                new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1)),
                Duration.ofMinutes(10),
                Duration.ofSeconds(30));
    }
}
