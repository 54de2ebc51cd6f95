package io.flotilla.supervisor.model;

import java.time.Instant;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One deployment: the desired spec, the spec last acted on, and the status. Every decision compares
 * {@code spec} with {@code lastReconciledSpec} and the observation.
 *
 * @param lastReconciledSpec the spec the current job was started with, or null before the first
 *     submit; its cluster is where the current job runs
 * @param createdAt when the store first wrote it; null for one not stored yet
 * @param updatedAt when the store last changed its spec or status; null for one not stored yet
 */
public record Deployment(
        DeploymentSpec spec,
        DeploymentSpec lastReconciledSpec,
        DeploymentStatus status,
        Instant createdAt,
        Instant updatedAt) {

    public Deployment {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(status, "status");
    }

    /** A deployment not read from a store (its times unknown). */
    public Deployment(
            DeploymentSpec spec, DeploymentSpec lastReconciledSpec, DeploymentStatus status) {
        this(spec, lastReconciledSpec, status, null, null);
    }

    public static Deployment of(DeploymentSpec spec) {
        return new Deployment(spec, null, DeploymentStatus.initial());
    }

    public String name() {
        return spec.name();
    }

    /** The cluster the current job runs on: the one it was submitted to. */
    public String currentCluster() {
        return lastReconciledSpec != null ? lastReconciledSpec.cluster() : spec.cluster();
    }

    /** Whether the desired spec is newer than what was last acted on. */
    public boolean specChanged() {
        return lastReconciledSpec == null
                || spec.generation() > lastReconciledSpec.generation()
                        && spec.generation() != status.rolledBackGeneration();
    }

    public Deployment withStatus(DeploymentStatus newStatus) {
        return new Deployment(spec, lastReconciledSpec, newStatus, createdAt, updatedAt);
    }

    public Deployment withStatus(UnaryOperator<DeploymentStatus.Builder> change) {
        return withStatus(change.apply(status.toBuilder()).build());
    }

    public Deployment withLastReconciledSpec(DeploymentSpec reconciled) {
        return new Deployment(spec, reconciled, status, createdAt, updatedAt);
    }

    /** The same deployment with a new desired spec (its times kept until the store writes it). */
    public Deployment withSpec(DeploymentSpec newSpec) {
        return new Deployment(newSpec, lastReconciledSpec, status, createdAt, updatedAt);
    }

    /** The same deployment with the times the store keeps for it. */
    public Deployment withTimes(Instant created, Instant updated) {
        return new Deployment(spec, lastReconciledSpec, status, created, updated);
    }
}
