package io.flotilla.supervisor.http;

import io.flotilla.http.Json;
import io.flotilla.supervisor.api.DeploymentView;
import io.flotilla.supervisor.api.EventView;
import io.flotilla.supervisor.api.Phase;
import io.flotilla.supervisor.api.ReleaseStatus;
import io.flotilla.supervisor.api.ReleaseView;
import io.flotilla.supervisor.api.SpecView;
import io.flotilla.supervisor.api.StatusView;
import io.flotilla.supervisor.model.AuditEntry;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.DeploymentSpec;
import io.flotilla.supervisor.model.Release;

/**
 * The supervisor's model as the public records of {@code flotilla-supervisor-api} show it. Specs
 * and statuses are converted field by field through JSON (strict: a field the API records lack
 * fails the tests), so the model and the API keep one shape without hand-written copies.
 */
final class ApiViews {

    private ApiViews() {}

    static DeploymentView deployment(Deployment d) {
        return new DeploymentView(
                d.name(),
                d.spec().generation(),
                phase(d.status().phase()),
                d.currentCluster(),
                spec(d.spec()),
                d.lastReconciledSpec() == null ? null : spec(d.lastReconciledSpec()),
                Json.MAPPER.convertValue(d.status(), StatusView.class),
                d.createdAt(),
                d.updatedAt());
    }

    static SpecView spec(DeploymentSpec s) {
        return Json.MAPPER.convertValue(s, SpecView.class);
    }

    static Phase phase(io.flotilla.supervisor.model.Phase phase) {
        return Phase.valueOf(phase.name());
    }

    static ReleaseView inProgress(Release r) {
        return new ReleaseView(
                ReleaseStatus.IN_PROGRESS,
                r.from().version(),
                r.toGeneration(),
                r.savepoint(),
                r.startedAt(),
                r.deadline(),
                null,
                null,
                null);
    }

    static EventView event(AuditEntry e) {
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
