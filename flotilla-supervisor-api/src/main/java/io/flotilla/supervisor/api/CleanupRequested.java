package io.flotilla.supervisor.api;

/** {@code POST /v1/state/cleanup}: accepted; every cluster is cleaned at the next tick. */
public record CleanupRequested(String status, String message) {}
