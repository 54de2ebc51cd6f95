package io.flotilla.supervisor.model;

import java.time.Instant;

/**
 * One line of the append-only audit log: what the supervisor saw or did to a deployment, or what a
 * caller of the API changed.
 *
 * @param who the API token's name for a caller's change, {@code supervisor} for the loop's own
 */
public record Event(
        String deployment, Instant at, String type, String message, long fencingToken, String who) {

    public static final String SUPERVISOR = "supervisor";

    /** An event of the supervisor's own loop. */
    public Event(String deployment, Instant at, String type, String message, long fencingToken) {
        this(deployment, at, type, message, fencingToken, SUPERVISOR);
    }
}
