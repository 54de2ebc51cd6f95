package io.flotilla.supervisor.api;

import java.util.List;

/**
 * {@code POST /v1/clusters/{cluster}/lost}: the cluster and where its deployments went, and those
 * that stayed.
 */
public record ClusterLost(
        ClusterView cluster, List<ClusterMove> moved, List<ClusterNotMoved> notMoved) {}
