package io.flotilla.supervisor.model;

/** How a running job moves to a new spec: which state the new job starts from. */
public enum UpgradeMode {
    /** Stop with a savepoint, start the new spec from exactly that savepoint (the default). */
    SAVEPOINT,
    /** Cancel, start the new spec from the newest checkpoint. */
    LAST_STATE,
    /** Cancel, start the new spec with empty state. */
    STATELESS
}
