package io.flotilla.http;

/** Serves one route. */
@FunctionalInterface
public interface Handler {
    Response handle(Request request);
}
