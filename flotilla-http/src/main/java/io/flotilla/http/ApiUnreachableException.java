package io.flotilla.http;

import java.net.URI;

/** A typed client could not reach its service at all (refused, timed out, TLS failed). */
public class ApiUnreachableException extends RuntimeException {

    private final URI base;

    public ApiUnreachableException(URI base, Throwable cause) {
        super(
                "the service at "
                        + base
                        + " does not answer ("
                        + cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
                        + "): check the URL and that it is running",
                cause);
        this.base = base;
    }

    public URI base() {
        return base;
    }
}
