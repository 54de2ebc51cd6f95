package io.flotilla.supervisor.api;

import java.util.List;

/** {@code POST /v1/clusters/{cluster}/lost}: the cluster and where its deployments went. */
public record ClusterLost(ClusterView cluster, List<ClusterMove> moved) {}
