package io.flotilla.supervisor.api;

import java.time.Instant;
import java.util.List;

/**
 * Why the supervisor stopped retrying a deployment (phase {@code NEEDS_ATTENTION}) and what an
 * operator can do; {@code generation} is the desired generation it happened at, and any newer one
 * is tried again.
 */
public record AttentionView(String cause, List<String> options, long generation, Instant since) {}
