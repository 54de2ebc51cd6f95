package io.flotilla.supervisor.http;

import io.flotilla.common.PlanCompatibility;
import io.flotilla.http.ApiException;
import io.flotilla.http.HttpApi;
import io.flotilla.http.Json;
import io.flotilla.http.Request;
import io.flotilla.http.Response;
import io.flotilla.supervisor.api.ChangeRequest;
import io.flotilla.supervisor.api.Deleted;
import io.flotilla.supervisor.api.DeploymentList;
import io.flotilla.supervisor.api.DeploymentRequest;
import io.flotilla.supervisor.api.Lineage;
import io.flotilla.supervisor.api.ReleaseRequest;
import io.flotilla.supervisor.api.StartFromSavepointRequest;
import io.flotilla.supervisor.api.SupervisorEndpoints;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.DeploymentSpec;
import io.flotilla.supervisor.model.DesiredState;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.model.Phase;
import io.flotilla.supervisor.model.UpgradeMode;
import io.flotilla.supervisor.port.Clock;
import io.flotilla.supervisor.port.ControlStore;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/** Routes that change deployments' desired specs: create, update, delete, start/stop, releases. */
final class DeploymentRoutes {

    private final ControlStore store;
    private final Clock clock;
    private final SpecRequests specs;
    private final ReleaseGate gate;

    DeploymentRoutes(ControlStore store, Clock clock, SpecRules rules) {
        this.store = store;
        this.clock = clock;
        this.specs = new SpecRequests(store, rules);
        this.gate = new ReleaseGate(store, PlanCompatibility.find().orElse(null));
    }

    void register(HttpApi api) {
        api.route(
                        SupervisorEndpoints.LIST_DEPLOYMENTS,
                        r ->
                                Response.ok(
                                        DeploymentQuery.asked(r)
                                                ? DeploymentQuery.page(r, store)
                                                : new DeploymentList(
                                                        store.deployments().stream()
                                                                .map(ApiViews::deployment)
                                                                .toList())))
                .route(SupervisorEndpoints.CREATE_DEPLOYMENT, this::create)
                .route(
                        SupervisorEndpoints.GET_DEPLOYMENT,
                        r -> Response.ok(ApiViews.deployment(deployment(r))))
                .route(SupervisorEndpoints.UPDATE_DEPLOYMENT, this::update)
                .route(SupervisorEndpoints.DELETE_DEPLOYMENT, this::delete)
                .route(
                        SupervisorEndpoints.START,
                        r -> change(r, "Start", s -> s.withDesiredState(DesiredState.RUNNING)))
                .route(
                        SupervisorEndpoints.STOP,
                        r -> change(r, "Stop", s -> s.withDesiredState(DesiredState.STOPPED)))
                .route(
                        SupervisorEndpoints.RESTART,
                        r ->
                                change(
                                        r,
                                        "Restart",
                                        s ->
                                                s.withDesiredState(DesiredState.RUNNING)
                                                        .withRestart()))
                .route(SupervisorEndpoints.START_FROM_SAVEPOINT, this::startFromSavepoint)
                .route(SupervisorEndpoints.RELEASE, this::release);
    }

    Deployment deployment(Request r) {
        String name = r.param("name");
        return store.deployment(name)
                .orElseThrow(
                        () ->
                                new ApiException(
                                        404,
                                        "no_such_deployment",
                                        "no deployment '" + name + "': see GET /v1/deployments",
                                        "name",
                                        null));
    }

    private Response create(Request r) {
        DeploymentRequest b = r.json(DeploymentRequest.class);
        if (b.expectedGeneration() != null) {
            throw Validation.invalid(
                    "expectedGeneration", "is for updates (PUT); leave it out when creating");
        }
        DeploymentSpec spec = specs.created(b);
        store.createDeployment(
                spec, audit(r, spec.name(), "Created", SpecRequests.describe(spec) + " created"));
        return Response.created(ApiViews.deployment(deployment(r, spec.name())));
    }

    private Response update(Request r) {
        DeploymentRequest b = r.json(DeploymentRequest.class);
        if (b.name() != null && !b.name().equals(r.param("name"))) {
            throw Validation.invalid("name", "cannot be changed: create a new deployment instead");
        }
        if (b.expectedGeneration() == null) {
            throw Validation.missing("expectedGeneration");
        }
        Deployment d = deployment(r);
        DeploymentSpec s = d.spec();
        DeploymentSpec next = specs.updated(s, b);
        return write(
                r,
                d,
                b.expectedGeneration(),
                next,
                "Updated",
                SpecRequests.describe(next) + " updated");
    }

    private Response delete(Request r) {
        Deployment d = deployment(r);
        long expected = generation(r, d);
        if (d.status().jobId() != null || d.status().phase() != Phase.STOPPED) {
            throw new ApiException(
                    409,
                    "not_stopped",
                    "deployment "
                            + d.name()
                            + " is "
                            + d.status().phase()
                            + ": stop it first (POST /v1/deployments/"
                            + d.name()
                            + "/stop) and delete it once it is STOPPED",
                    "name",
                    null);
        }
        store.deleteDeployment(
                d.name(),
                expected,
                clock.now(),
                audit(
                        r,
                        d.name(),
                        "Deleted",
                        "deleted; its state is cleaned after the grace period"));
        return Response.ok(new Deleted(d.name()));
    }

    private Response change(Request r, String type, UnaryOperator<DeploymentSpec> change) {
        ChangeRequest b =
                r.body().length == 0 ? new ChangeRequest(null) : r.json(ChangeRequest.class);
        Deployment d = deployment(r);
        long expected =
                b.expectedGeneration() == null ? d.spec().generation() : b.expectedGeneration();
        DeploymentSpec next = change.apply(d.spec()).withGeneration(d.spec().generation() + 1);
        return write(r, d, expected, next, type, type.toLowerCase() + " requested");
    }

    private Response startFromSavepoint(Request r) {
        StartFromSavepointRequest b = r.json(StartFromSavepointRequest.class);
        String savepoint = SpecRules.statePath("savepoint", b.savepoint());
        Deployment d = deployment(r);
        long expected =
                b.expectedGeneration() == null ? d.spec().generation() : b.expectedGeneration();
        DeploymentSpec next =
                d.spec()
                        .withDesiredState(DesiredState.RUNNING)
                        .withRestoreFrom(savepoint)
                        .withGeneration(d.spec().generation() + 1);
        return write(
                r,
                d,
                expected,
                next,
                "StartFromSavepoint",
                "start from " + savepoint + " requested");
    }

    private Response release(Request r) {
        ReleaseRequest b = r.json(ReleaseRequest.class);
        String version = Validation.version("version", b.version());
        String uri = specs.artifactUri("artifactUri", b.artifactUri());
        String sha = Validation.sha256("artifactSha256", b.artifactSha256());
        Deployment d = deployment(r);
        DeploymentSpec next = d.spec().withVersion(version, uri, sha);
        if (b.upgradeMode() != null) {
            next =
                    next.withUpgradeMode(
                            Validation.enumValue(
                                    "upgradeMode", b.upgradeMode(), UpgradeMode.class));
        }
        if (!next.otherVersionThan(d.spec())) {
            throw new ApiException(
                    409,
                    "same_version",
                    "deployment "
                            + d.name()
                            + " already wants version "
                            + version
                            + " with this artifact: nothing to release",
                    "version",
                    null);
        }
        long expected =
                b.expectedGeneration() == null ? d.spec().generation() : b.expectedGeneration();
        if (expected != d.spec().generation()) {
            throw stale(d, expected);
        }
        Lineage lineage = b.lineage() == null ? null : SpecRules.lineage(b.lineage());
        boolean allowStateLoss = Boolean.TRUE.equals(b.allowStateLoss());
        ReleaseGate.Verdict verdict = gate.check(d, next, lineage, allowStateLoss);
        next =
                next.withGeneration(d.spec().generation() + 1)
                        .withAllowNonRestoredState(allowStateLoss);
        if (lineage != null) {
            // The release stores its version's lineage and plan: the next release compares
            // with them.
            store.putLineage(
                    d.name(),
                    version,
                    new String(Json.write(lineage), StandardCharsets.UTF_8),
                    audit(
                            r,
                            d.name(),
                            "LineageStored",
                            "lineage of version "
                                    + version
                                    + (lineage.plan() == null ? "" : " with its compiled plan")
                                    + ", stored by its release"));
        }
        write(
                r,
                d,
                expected,
                next,
                "ReleaseRequested",
                "release of version "
                        + version
                        + " ("
                        + next.upgradeMode()
                        + ") from version "
                        + d.spec().version()
                        + " requested; "
                        + verdict.note());
        return Response.accepted(ApiViews.deployment(deployment(r)));
    }

    private Response write(
            Request r,
            Deployment d,
            long expected,
            DeploymentSpec next,
            String type,
            String message) {
        if (expected != d.spec().generation()) {
            throw stale(d, expected);
        }
        store.replaceSpec(next, expected, audit(r, d.name(), type, message));
        return Response.ok(ApiViews.deployment(deployment(r)));
    }

    private Deployment deployment(Request r, String name) {
        return store.deployment(name).orElseThrow();
    }

    private static long generation(Request r, Deployment d) {
        String raw = r.query("generation", null);
        if (raw == null) {
            return d.spec().generation();
        }
        try {
            long expected = Long.parseLong(raw);
            if (expected != d.spec().generation()) {
                throw stale(d, expected);
            }
            return expected;
        } catch (NumberFormatException e) {
            throw Validation.invalid("generation", "must be a whole number, got '" + raw + "'");
        }
    }

    static ApiException stale(Deployment d, long expected) {
        return new ApiException(
                409,
                "stale_generation",
                "deployment "
                        + d.name()
                        + " is at generation "
                        + d.spec().generation()
                        + ", not "
                        + expected
                        + ": someone changed it meanwhile; read it again (GET /v1/deployments/"
                        + d.name()
                        + ") and retry",
                "expectedGeneration",
                null);
    }

    private Event audit(Request r, String deployment, String type, String message) {
        return new Event(deployment, clock.now(), type, message, 0, r.who());
    }
}
