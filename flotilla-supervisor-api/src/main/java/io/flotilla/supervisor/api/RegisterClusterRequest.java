package io.flotilla.supervisor.api;

/** {@code POST /v1/clusters}: a session cluster's sidecar and where its token comes from. */
public record RegisterClusterRequest(
        String name, String sidecarUrl, String tokenRef, Integer slots) {}
