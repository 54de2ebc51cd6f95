package io.flotilla.supervisor.api;

/** Which process of a cluster wrote a log. */
public enum LogSource {
    JOBMANAGER,
    TASKMANAGER
}
