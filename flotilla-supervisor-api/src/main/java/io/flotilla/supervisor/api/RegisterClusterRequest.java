package io.flotilla.supervisor.api;

/**
 * {@code POST /v1/clusters}: a session cluster's sidecar and where its token comes from.
 *
 * @param slots its task slots, or null/0 to use what its sidecar reports
 * @param pool the pool it joins (specs with {@code cluster: pool:NAME} are placed on its members),
 *     or null
 */
public record RegisterClusterRequest(
        String name, String sidecarUrl, String tokenRef, Integer slots, String pool) {}
