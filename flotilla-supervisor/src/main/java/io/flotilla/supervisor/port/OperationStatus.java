package io.flotilla.supervisor.port;

/** Where an asynchronous stop-with-savepoint stands. */
public sealed interface OperationStatus {

    /** Still running: ask again later. */
    record InProgress() implements OperationStatus {}

    /** Done: the job ended with the savepoint at {@code location}. */
    record Completed(String location) implements OperationStatus {}

    /** Failed: no savepoint; the job normally keeps running. */
    record Failed(String error) implements OperationStatus {}
}
