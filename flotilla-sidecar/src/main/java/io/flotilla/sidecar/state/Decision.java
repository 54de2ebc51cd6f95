package io.flotilla.sidecar.state;

/** What the planner decided for one entry, and why. */
public record Decision(StateEntry entry, boolean delete, String reason) {

    static Decision keep(StateEntry entry, String reason) {
        return new Decision(entry, false, reason);
    }

    static Decision remove(StateEntry entry, String reason) {
        return new Decision(entry, true, reason);
    }
}
