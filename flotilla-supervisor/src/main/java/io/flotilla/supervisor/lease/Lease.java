package io.flotilla.supervisor.lease;

import java.time.Instant;

/**
 * Leadership held by one supervisor until {@code expiresAt}. The fencing {@code token} grows with
 * every change of holder; every write and sidecar call of the leader carries it.
 */
public record Lease(String holder, long token, Instant expiresAt) {}
