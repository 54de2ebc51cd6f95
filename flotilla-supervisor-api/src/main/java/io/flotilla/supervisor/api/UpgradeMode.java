package io.flotilla.supervisor.api;

/** How a running job moves to a new spec: SAVEPOINT (default), LAST_STATE or STATELESS. */
public enum UpgradeMode {
    SAVEPOINT,
    LAST_STATE,
    STATELESS
}
