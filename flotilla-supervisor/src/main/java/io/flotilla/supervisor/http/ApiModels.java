package io.flotilla.supervisor.http;

import io.flotilla.supervisor.model.AuditEntry;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.DeploymentSpec;
import io.flotilla.supervisor.model.DeploymentStatus;
import io.flotilla.supervisor.model.Release;
import java.time.Instant;
import java.util.List;

/** The supervisor API's request and response bodies. */
final class ApiModels {

    private ApiModels() {}

    /** {@code POST /v1/clusters}. */
    record RegisterCluster(String name, String sidecarUrl, String tokenRef, Integer slots) {}

    /** Retention in a spec: {@code {"keepSavepoints": 5, "maxAge": "14d"}}. */
    record RetentionBody(Integer keepSavepoints, String maxAge) {}

    /**
     * {@code POST /v1/deployments} (every field but the optional ones required) and {@code PUT
     * /v1/deployments/{name}} (absent fields keep their value; {@code expectedGeneration}
     * required).
     */
    record SpecBody(
            String name,
            String owner,
            String module,
            String version,
            String artifactUri,
            String artifactSha256,
            String entryClass,
            List<String> args,
            Integer parallelism,
            String desiredState,
            String upgradeMode,
            String cluster,
            RetentionBody retention,
            Long expectedGeneration,
            String checkpointInterval) {}

    /** Body of start, stop and restart: optional, the generation the caller saw. */
    record ChangeBody(Long expectedGeneration) {}

    /** {@code POST /v1/deployments/{name}/start-from-savepoint}. */
    record FromSavepointBody(String savepoint, Long expectedGeneration) {}

    /** {@code POST /v1/deployments/{name}/releases}. */
    record ReleaseBody(
            String version,
            String artifactUri,
            String artifactSha256,
            String upgradeMode,
            Long expectedGeneration) {}

    /**
     * {@code PUT /v1/deployments/{name}/lineage/{version}}: the document the DSL derives from the
     * job's plan ({@code bin/flotilla validate} prints it).
     */
    record LineageBody(
            String job, String declaredBy, List<LineageTable> reads, List<LineageTable> writes) {}

    /** One table a job reads or writes: where it lives, its format, who owns and declares it. */
    record LineageTable(
            String name,
            String connector,
            String location,
            String format,
            String owner,
            String declaredBy) {}

    /** A deployment as the API shows it. */
    record DeploymentView(
            String name,
            long generation,
            String phase,
            String cluster,
            DeploymentSpec spec,
            DeploymentSpec lastReconciledSpec,
            DeploymentStatus status) {

        static DeploymentView of(Deployment d) {
            return new DeploymentView(
                    d.name(),
                    d.spec().generation(),
                    d.status().phase().name(),
                    d.currentCluster(),
                    d.spec(),
                    d.lastReconciledSpec(),
                    d.status());
        }
    }

    /** A deployment's current run. */
    record RunView(
            String jobId,
            String cluster,
            String phase,
            String version,
            String restoredFrom,
            String lastCheckpoint,
            String lastSavepoint,
            int retries,
            Instant nextRetryAt,
            String error) {}

    /** A release: in progress (with its deadline), or one that was recorded in the audit log. */
    record ReleaseView(
            String status,
            String fromVersion,
            long toGeneration,
            String savepoint,
            Instant startedAt,
            Instant deadline,
            String reason) {

        static ReleaseView inProgress(Release r) {
            return new ReleaseView(
                    "IN_PROGRESS",
                    r.from().version(),
                    r.toGeneration(),
                    r.savepoint(),
                    r.startedAt(),
                    r.deadline(),
                    null);
        }
    }

    /** One audit log entry. */
    record EventView(
            long id,
            String deployment,
            Instant at,
            String type,
            String message,
            String who,
            long fencingToken) {

        static EventView of(AuditEntry e) {
            return new EventView(
                    e.id(),
                    e.event().deployment(),
                    e.event().at(),
                    e.event().type(),
                    e.event().message(),
                    e.event().who(),
                    e.event().fencingToken());
        }
    }
}
