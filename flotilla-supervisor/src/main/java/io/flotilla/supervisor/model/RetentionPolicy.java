package io.flotilla.supervisor.model;

import java.time.Duration;

/**
 * A deployment's savepoints: how often one is taken while its job runs ({@code savepointEvery},
 * null for never), and how much state to keep beyond what it may restore from (the newest {@code
 * keepSavepoints} savepoints and anything younger than {@code maxAge}; a null part takes the
 * platform's default).
 */
public record RetentionPolicy(Integer keepSavepoints, Duration maxAge, Duration savepointEvery) {

    /** Keeping state, taking no periodic savepoints. */
    public RetentionPolicy(Integer keepSavepoints, Duration maxAge) {
        this(keepSavepoints, maxAge, null);
    }

    /** This policy with the platform's defaults filled in. */
    public RetentionPolicy orDefaults(int defaultKeep, Duration defaultMaxAge) {
        return new RetentionPolicy(
                keepSavepoints == null ? defaultKeep : keepSavepoints,
                maxAge == null ? defaultMaxAge : maxAge,
                savepointEvery);
    }
}
