package io.flotilla.sidecar.state;

import java.time.Instant;

/** One object in the state store: its key within the bucket, size and last-modified time. */
public record StateObject(String key, long size, Instant lastModified) {}
