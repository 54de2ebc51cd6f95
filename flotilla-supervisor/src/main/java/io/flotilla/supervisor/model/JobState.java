package io.flotilla.supervisor.model;

/** What the supervisor makes of a job it looks for in an observation. */
public enum JobState {
    /** Alive but not RUNNING: CREATED, INITIALIZING, RESTARTING, FAILING, CANCELLING, ... */
    STARTING,
    RUNNING,
    FAILED,
    FINISHED,
    CANCELED,
    /** The cluster answered and does not know the job (for instance after it restarted). */
    MISSING,
    /** The cluster did not answer: the job may or may not run. */
    UNKNOWN,
    /** The deployment has no job to look for. */
    NONE;

    /**
     * Maps Flink's status names. Anything not known to be over counts as alive, so that a status
     * Flink adds later can never make the supervisor start a second job.
     */
    public static JobState ofFlinkStatus(String status) {
        if (status == null) {
            return STARTING;
        }
        return switch (status) {
            case "RUNNING" -> RUNNING;
            case "FAILED" -> FAILED;
            case "FINISHED" -> FINISHED;
            case "CANCELED" -> CANCELED;
            default -> STARTING;
        };
    }

    /** Whether the job is alive: a deployment must never have two such jobs. */
    public boolean alive() {
        return this == STARTING || this == RUNNING;
    }

    /** Whether the job is known to be gone: the only states in which a new job may start. */
    public boolean gone() {
        return this == FAILED || this == FINISHED || this == CANCELED || this == MISSING;
    }
}
