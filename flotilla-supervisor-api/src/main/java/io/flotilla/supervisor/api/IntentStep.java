package io.flotilla.supervisor.api;

/** The side effect a deployment has in flight. */
public enum IntentStep {
    SUBMIT,
    STOP_WITH_SAVEPOINT,
    CANCEL
}
