package io.flotilla.supervisor.api;

/** A deployment as the API shows it: desired spec, last reconciled spec and status. */
public record DeploymentView(
        String name,
        long generation,
        Phase phase,
        String cluster,
        SpecView spec,
        SpecView lastReconciledSpec,
        StatusView status) {}
