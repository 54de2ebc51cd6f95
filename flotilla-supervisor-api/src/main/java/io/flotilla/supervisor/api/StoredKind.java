package io.flotilla.supervisor.api;

/** What a stored state folder is. */
public enum StoredKind {
    /** A checkpoint Flink took by itself. */
    CHECKPOINT,
    /** A savepoint someone asked for: a stop, a release, an operator. */
    SAVEPOINT
}
