package io.flotilla.supervisor.jdbc;

/** A write carried a fencing token that is no longer the lease's: its leader was replaced. */
public final class StaleLeaderException extends RuntimeException {

    public StaleLeaderException(long token, long current) {
        super(
                "fencing token "
                        + token
                        + " is stale (lease token "
                        + (current < 0 ? "expired" : String.valueOf(current))
                        + "): this supervisor is no longer the leader");
    }
}
