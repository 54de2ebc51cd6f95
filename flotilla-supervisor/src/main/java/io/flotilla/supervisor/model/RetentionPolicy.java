package io.flotilla.supervisor.model;

import java.time.Duration;

/**
 * How much of a deployment's state to keep beyond what it may restore from: the newest {@code
 * keepSavepoints} savepoints and anything younger than {@code maxAge}. A null part takes the
 * platform's default.
 */
public record RetentionPolicy(Integer keepSavepoints, Duration maxAge) {

    /** This policy with the platform's defaults filled in. */
    public RetentionPolicy orDefaults(int defaultKeep, Duration defaultMaxAge) {
        return new RetentionPolicy(
                keepSavepoints == null ? defaultKeep : keepSavepoints,
                maxAge == null ? defaultMaxAge : maxAge);
    }
}
