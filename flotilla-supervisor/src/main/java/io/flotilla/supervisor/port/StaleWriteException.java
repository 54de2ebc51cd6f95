package io.flotilla.supervisor.port;

/**
 * A write the store refused: the spec changed since it was loaded, or a newer fencing token was
 * seen. The decision it carried is void; the next tick decides again on fresh data.
 */
public class StaleWriteException extends RuntimeException {

    public StaleWriteException(String message) {
        super(message);
    }
}
