package io.flotilla.supervisor.api;

import java.util.List;

/** {@code GET /v1/deployments/{name}/runs}: the current run and every submit. */
public record Runs(RunView current, List<Submission> submissions) {}
