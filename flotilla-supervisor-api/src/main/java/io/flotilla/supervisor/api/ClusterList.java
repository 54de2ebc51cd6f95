package io.flotilla.supervisor.api;

import java.util.List;

/** {@code GET /v1/clusters}. */
public record ClusterList(List<ClusterView> clusters) {}
