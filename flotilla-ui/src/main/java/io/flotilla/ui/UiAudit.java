package io.flotilla.ui;

/**
 * Where the UI records what happens outside the API's own audit, such as logging in and out: the
 * supervisor passes one that appends to its audit log when it mounts the UI, so the UI needs no
 * store of its own.
 */
@FunctionalInterface
public interface UiAudit {

    /**
     * @param who the token's name
     * @param kind the event's type, such as {@code LoggedIn}
     * @param message what happened, in words
     */
    void record(String who, String kind, String message);
}
