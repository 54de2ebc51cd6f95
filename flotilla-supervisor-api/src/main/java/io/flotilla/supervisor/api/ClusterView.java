package io.flotilla.supervisor.api;

import java.time.Instant;

/** A registered cluster and how many deployments it runs. */
public record ClusterView(
        String name,
        String sidecarUrl,
        String tokenRef,
        int slots,
        boolean lost,
        Instant lostAt,
        long deployments,
        String pool) {}
