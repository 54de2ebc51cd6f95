package io.flotilla.local.process;

/** A platform start or stop failed; the message names the cause and the fix in one line. */
public final class PlatformException extends RuntimeException {

    public PlatformException(String message) {
        super(message);
    }

    public PlatformException(String message, Throwable cause) {
        super(message, cause);
    }
}
