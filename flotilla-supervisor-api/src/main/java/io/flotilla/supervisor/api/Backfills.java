package io.flotilla.supervisor.api;

import java.util.List;

/** {@code GET /v1/deployments/{name}/backfills}: the deployment's backfills, newest first. */
public record Backfills(List<BackfillView> backfills) {}
