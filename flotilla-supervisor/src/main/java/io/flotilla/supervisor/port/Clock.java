package io.flotilla.supervisor.port;

import java.time.Instant;

/** The time, as a port so that tests decide when backoffs expire. */
@FunctionalInterface
public interface Clock {

    Instant now();

    static Clock system() {
        return Instant::now;
    }
}
