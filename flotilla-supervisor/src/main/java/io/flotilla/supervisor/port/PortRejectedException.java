package io.flotilla.supervisor.port;

/** The cluster answered and refused the request: nothing was done. */
public class PortRejectedException extends RuntimeException {

    public PortRejectedException(String message) {
        super(message);
    }
}
