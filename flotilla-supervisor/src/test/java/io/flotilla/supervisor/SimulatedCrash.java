package io.flotilla.supervisor;

/**
 * Thrown by the fakes to kill the supervisor mid-tick: an Error, so nothing catches it and the
 * supervisor instance is abandoned exactly where it stood, as with {@code kill -9}.
 */
final class SimulatedCrash extends Error {

    SimulatedCrash(String where) {
        super("simulated crash " + where);
    }
}
