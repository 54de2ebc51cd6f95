package io.flotilla.supervisor.port;

/** A change refused because the stored state is not what the caller based it on. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
