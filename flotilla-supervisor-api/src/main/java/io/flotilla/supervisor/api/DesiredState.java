package io.flotilla.supervisor.api;

/** Whether the owner wants the deployment's job to run. */
public enum DesiredState {
    RUNNING,
    STOPPED
}
