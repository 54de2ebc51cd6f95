package io.flotilla.sidecar.http;

/** Serves one route. */
@FunctionalInterface
public interface Handler {
    Response handle(Request request);
}
