package io.flotilla.supervisor;

import io.flotilla.supervisor.port.Clock;
import java.time.Duration;
import java.time.Instant;

/** A clock that moves only when a test says so. */
final class TestingClock implements Clock {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public Instant now() {
        return now;
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }
}
