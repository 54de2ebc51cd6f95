package io.flotilla.supervisor.api;

/** Optional body of start, stop and restart: the generation the caller saw. */
public record ChangeRequest(Long expectedGeneration) {}
