package io.flotilla.supervisor;

import java.time.Duration;

/** Exponential backoff: {@code initial}, doubled per further retry, never above {@code max}. */
public record Backoff(Duration initial, Duration max) {

    /** The wait before retry number {@code retry} (1 for the first). */
    public Duration delay(int retry) {
        int doublings = Math.max(0, Math.min(retry - 1, 30));
        Duration delay = initial.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
