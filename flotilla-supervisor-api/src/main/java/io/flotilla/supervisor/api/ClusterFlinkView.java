package io.flotilla.supervisor.api;

import java.time.Instant;

/**
 * {@code GET /v1/clusters/{cluster}/flink}: the cluster's Flink as its sidecar reported it at
 * {@code checkedAt} (version, TaskManagers, slots in all and free, the web UI's address for links
 * to Flink's own pages); {@code reachable} is false, with {@code error}, when the sidecar or Flink
 * did not answer.
 */
public record ClusterFlinkView(
        String cluster,
        boolean reachable,
        String version,
        Integer taskManagers,
        Integer slotsTotal,
        Integer slotsAvailable,
        String webUrl,
        Instant checkedAt,
        String error) {}
