package io.flotilla.supervisor.api;

/**
 * Savepoints in a spec: {@code {"keepSavepoints": 5, "maxAge": "14d", "savepointEvery": "6h"}};
 * {@code savepointEvery} takes a savepoint that often while the job runs (leave it out for none).
 */
public record RetentionRequest(Integer keepSavepoints, String maxAge, String savepointEvery) {

    /** Keeping state, taking no periodic savepoints. */
    public RetentionRequest(Integer keepSavepoints, String maxAge) {
        this(keepSavepoints, maxAge, null);
    }
}
