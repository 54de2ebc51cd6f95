package io.flotilla.supervisor.model;

import java.time.Instant;

/**
 * Whether a cluster answered the supervisor's last list call, and since when that holds; written
 * only when it changes.
 *
 * @param error why it did not answer, or null
 */
public record Reachability(String cluster, boolean answers, Instant since, String error) {

    public static Reachability answering(String cluster, Instant since) {
        return new Reachability(cluster, true, since, null);
    }

    public static Reachability silent(String cluster, Instant since, String error) {
        return new Reachability(cluster, false, since, error);
    }
}
