package io.flotilla.sidecar.state;

/** What a folder under a cluster's state prefix holds. */
public enum StateKind {
    /** {@code checkpoints/<job>/chk-<n>/}: one retained checkpoint. */
    CHECKPOINT,
    /**
     * {@code checkpoints/<job>/shared/} or {@code taskowned/}: state incremental checkpoints share.
     */
    SHARED,
    /** {@code savepoints/<job>/savepoint-*} or Flink's default {@code savepoints/savepoint-*}. */
    SAVEPOINT,
    /** Anything else: not Flink state, never removed by retention. */
    OTHER
}
