package io.flotilla.supervisor.http;

import io.flotilla.http.ApiException;
import io.flotilla.http.HttpApi;
import io.flotilla.http.Json;
import io.flotilla.http.Request;
import io.flotilla.http.Response;
import io.flotilla.supervisor.api.CleanupRequested;
import io.flotilla.supervisor.api.EventView;
import io.flotilla.supervisor.api.EventsPage;
import io.flotilla.supervisor.api.Lineage;
import io.flotilla.supervisor.api.ReleaseStatus;
import io.flotilla.supervisor.api.ReleaseView;
import io.flotilla.supervisor.api.Releases;
import io.flotilla.supervisor.api.RunView;
import io.flotilla.supervisor.api.Runs;
import io.flotilla.supervisor.api.Submission;
import io.flotilla.supervisor.api.SupervisorEndpoints;
import io.flotilla.supervisor.model.AuditEntry;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.DeploymentStatus;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.port.Clock;
import io.flotilla.supervisor.port.ControlStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Routes of what deployments did: runs, releases, state, the audit log, and lineage. */
final class ReadRoutes {

    private static final Set<String> RELEASE_EVENTS =
            Set.of("ReleaseRequested", "StartRollback", "MarkRunning");

    private final ControlStore store;
    private final Clock clock;
    private final DeploymentRoutes deployments;
    private final Runnable cleanupNow;
    private final StoredStates stored;

    ReadRoutes(
            ControlStore store,
            Clock clock,
            DeploymentRoutes deployments,
            Runnable cleanupNow,
            StoredStates stored) {
        this.stored = stored;
        this.store = store;
        this.clock = clock;
        this.deployments = deployments;
        this.cleanupNow = cleanupNow;
    }

    void register(HttpApi api) {
        api.route(SupervisorEndpoints.RUNS, this::runs)
                .route(SupervisorEndpoints.RELEASES, this::releases)
                .route(
                        SupervisorEndpoints.STATE,
                        r -> {
                            Deployment d = deployments.deployment(r);
                            return Response.ok(stored.of(d, all(d.name())));
                        })
                .route(
                        SupervisorEndpoints.CLEANUP_STATE,
                        r -> {
                            cleanupNow.run();
                            store.appendAudit(
                                    new Event(
                                            "",
                                            clock.now(),
                                            "CleanupRequested",
                                            "state cleanup of every cluster requested",
                                            0,
                                            r.who()));
                            return Response.accepted(
                                    new CleanupRequested(
                                            "REQUESTED",
                                            "every cluster is cleaned by retention at the next tick"));
                        })
                .route(SupervisorEndpoints.EVENTS, this::events)
                .route(SupervisorEndpoints.GET_LINEAGE, this::lineage)
                .route(SupervisorEndpoints.PUT_LINEAGE, this::putLineage);
    }

    private Response runs(Request r) {
        Deployment d = deployments.deployment(r);
        DeploymentStatus s = d.status();
        List<Submission> submissions = new ArrayList<>();
        String restoredFrom = null;
        for (AuditEntry e : all(d.name())) {
            if (e.event().type().equals("Submitted")) {
                String message = e.event().message();
                int from = message.lastIndexOf(" from ");
                String restore = from < 0 ? null : message.substring(from + 6);
                restore = "empty state".equals(restore) ? null : restore;
                submissions.add(new Submission(e.event().at(), message));
                if (s.jobId() != null && message.contains(s.jobId())) {
                    restoredFrom = restore;
                }
            }
        }
        RunView current =
                new RunView(
                        s.jobId(),
                        d.currentCluster(),
                        ApiViews.phase(s.phase()),
                        d.lastReconciledSpec() == null ? null : d.lastReconciledSpec().version(),
                        restoredFrom,
                        s.lastCheckpoint(),
                        s.lastSavepoint(),
                        s.retries(),
                        s.nextRetryAt(),
                        s.error());
        return Response.ok(new Runs(current, submissions));
    }

    private Response releases(Request r) {
        Deployment d = deployments.deployment(r);
        List<ReleaseView> out = new ArrayList<>();
        if (d.status().release() != null) {
            out.add(ApiViews.inProgress(d.status().release()));
        }
        for (AuditEntry e : all(d.name())) {
            Event ev = e.event();
            if (!RELEASE_EVENTS.contains(ev.type())
                    || ev.type().equals("MarkRunning")
                            && !ev.message().startsWith("release done")) {
                continue;
            }
            ReleaseStatus status =
                    switch (ev.type()) {
                        case "ReleaseRequested" -> ReleaseStatus.REQUESTED;
                        case "StartRollback" -> ReleaseStatus.ROLLED_BACK;
                        default -> ReleaseStatus.DONE;
                    };
            out.add(
                    new ReleaseView(
                            status, null, null, null, null, null, ev.at(), ev.who(), ev.message()));
        }
        return Response.ok(new Releases(d.name(), out));
    }

    private Response events(Request r) {
        String deployment = r.query("deployment", null);
        long after = number(r, "after", 0, 0, Long.MAX_VALUE);
        int limit = (int) number(r, "limit", 100, 1, 1000);
        List<EventView> page =
                store.events(deployment, after, limit).stream().map(ApiViews::event).toList();
        return Response.ok(
                new EventsPage(
                        page,
                        page.size() < limit
                                ? null
                                : "/v1/events?after="
                                        + page.get(page.size() - 1).id()
                                        + "&limit="
                                        + limit
                                        + (deployment == null
                                                ? ""
                                                : "&deployment="
                                                        + java.net.URLEncoder.encode(
                                                                deployment,
                                                                java.nio.charset.StandardCharsets
                                                                        .UTF_8))));
    }

    private Response lineage(Request r) {
        Deployment d = deployments.deployment(r);
        String version = r.param("version");
        String json =
                store.lineage(d.name(), version)
                        .orElseThrow(
                                () ->
                                        new ApiException(
                                                404,
                                                "no_lineage",
                                                "no lineage stored for "
                                                        + d.name()
                                                        + " version "
                                                        + version
                                                        + ": the build stores it with PUT /v1/deployments/"
                                                        + d.name()
                                                        + "/lineage/"
                                                        + version,
                                                "version",
                                                null));
        return Response.text(json, "application/json");
    }

    private Response putLineage(Request r) {
        Deployment d = deployments.deployment(r);
        String version = Validation.version("version", r.param("version"));
        Lineage b = r.json(Lineage.class);
        Lineage clean = SpecRules.lineage(b);
        String json = new String(Json.write(clean), java.nio.charset.StandardCharsets.UTF_8);
        store.putLineage(
                d.name(),
                version,
                json,
                new Event(
                        d.name(),
                        clock.now(),
                        "LineageStored",
                        "lineage of version "
                                + version
                                + ": "
                                + clean.reads().size()
                                + " read, "
                                + clean.writes().size()
                                + " written",
                        0,
                        r.who()));
        return Response.ok(clean);
    }

    private List<AuditEntry> all(String deployment) {
        List<AuditEntry> out = new ArrayList<>();
        long after = 0;
        while (true) {
            List<AuditEntry> page = store.events(deployment, after, 1000);
            out.addAll(page);
            if (page.size() < 1000) {
                return out;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    static long number(Request r, String name, long fallback, long min, long max) {
        String raw = r.query(name, null);
        if (raw == null) {
            return fallback;
        }
        try {
            long v = Long.parseLong(raw);
            if (v < min || v > max) {
                throw Validation.invalid(
                        name, "must be between " + min + " and " + max + ", got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw Validation.invalid(name, "must be a whole number, got '" + raw + "'");
        }
    }
}
