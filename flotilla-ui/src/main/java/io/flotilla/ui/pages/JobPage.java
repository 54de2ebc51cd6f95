package io.flotilla.ui.pages;

import static io.flotilla.ui.html.Layout.badge;
import static io.flotilla.ui.html.Layout.csrfField;
import static io.flotilla.ui.html.Layout.text;
import static io.flotilla.ui.html.Layout.when;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.http.Role;
import io.flotilla.ui.Sessions.Session;
import io.flotilla.ui.api.SupervisorCalls;
import io.flotilla.ui.html.Html;
import io.flotilla.ui.html.Layout;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The job page, the seed's field by field: Start, Stop (with a savepoint), Restart, Retries, Name,
 * Status (live), Cluster, Version, Module, Created, Updated, Logs, the tables read and written; and
 * beyond it releases, checkpoints and savepoints (pinned or not), start from a savepoint,
 * exceptions, the deployment's events and its current JobID.
 */
public final class JobPage {

    private final SupervisorCalls api;
    private final JobSections sections;

    public JobPage(SupervisorCalls api) {
        this.api = api;
        this.sections = new JobSections(api);
    }

    public String render(Session s, String name) {
        String base = "/v1/deployments/" + Html.path(name);
        JsonNode d = api.get(s.token(), base);
        JsonNode spec = d.path("spec");
        List<JsonNode> events = Events.all(api, s.token(), name);
        Instant now = Instant.now();
        Html h = new Html();
        if (Layout.may(s, Role.OPERATOR)) {
            buttons(h, s, name, text(spec, "desiredState"));
        }
        h.raw("<div class=\"cards\"><section class=\"card\"><h2>Job</h2><dl class=\"fields\">");
        field(h, "Name", "f-name", name);
        h.raw("<dt>Status</dt><dd id=\"f-status\">").raw(badge(text(d, "phase"))).raw("</dd>");
        h.raw("<dt>Cluster</dt><dd id=\"f-cluster\">")
                .link("/clusters/" + Html.path(text(d, "cluster")), text(d, "cluster"))
                .raw("</dd>");
        field(h, "Version", "f-version", text(spec, "version"));
        field(h, "Module", "f-module", text(spec, "module"));
        field(h, "Owner", "f-owner", text(spec, "owner"));
        field(h, "Created", "f-created", events.isEmpty() ? "" : when(at(events.get(0)), now));
        field(h, "Updated", "f-updated", when(lastChange(events), now));
        field(h, "Desired", "f-desired", text(spec, "desiredState"));
        field(h, "Entry class", "f-entry", text(spec, "entryClass"));
        field(h, "Artifact", "f-artifact", text(spec, "artifactUri"));
        field(h, "Parallelism", "f-parallelism", spec.path("parallelism").asInt());
        field(h, "Upgrade mode", "f-upgrade", text(spec, "upgradeMode"));
        field(h, "Generation", "f-generation", d.path("generation").asLong());
        h.raw("</dl></section><section class=\"card\"><h2>Current run</h2>");
        h.raw("<div id=\"live\" hx-get=\"/jobs/")
                .text(Html.path(name))
                .raw("/live\" hx-trigger=\"every 2s\" hx-swap=\"innerHTML\">")
                .raw(live(s, name))
                .raw("</div></section></div>");
        sections.lineage(h, s, name, text(spec, "version"), text(spec, "module"));
        sections.state(h, s, name, d, events, now);
        sections.releases(h, s, name, now);
        if (!text(d.path("status"), "error").isEmpty()) {
            h.raw("<section class=\"card\"><h2>Last error</h2>")
                    .el("pre", "class=\"error\" id=\"last-error\"", text(d.path("status"), "error"))
                    .raw("</section>");
        }
        JobLogs.sections(h, name);
        sections.events(h, events, now);
        return h.toString();
    }

    /** The live part: polled every 2 s by htmx, so the status changes without a reload. */
    public String live(Session s, String name) {
        JsonNode runs = api.get(s.token(), "/v1/deployments/" + Html.path(name) + "/runs");
        JsonNode c = runs.path("current");
        Html h = new Html();
        h.raw("<dl class=\"fields\"><dt>Status</dt><dd id=\"live-status\">")
                .raw(badge(text(c, "phase")))
                .raw("</dd>");
        field(h, "Retries", "live-retries", c.path("retries").asInt());
        field(h, "JobID", "live-jobid", text(c, "jobId"));
        field(h, "Running version", "live-version", text(c, "version"));
        field(h, "Restored from", "live-restored", text(c, "restoredFrom"));
        field(h, "Last checkpoint", "live-checkpoint", text(c, "lastCheckpoint"));
        field(h, "Last savepoint", "live-savepoint", text(c, "lastSavepoint"));
        if (!text(c, "nextRetryAt").isEmpty()) {
            field(h, "Next retry", "live-next-retry", text(c, "nextRetryAt"));
        }
        if (!text(c, "error").isEmpty()) {
            h.raw("<dt>Error</dt><dd id=\"live-error\" class=\"error\">")
                    .text(text(c, "error"))
                    .raw("</dd>");
        }
        return h.raw("</dl>").toString();
    }

    private static void buttons(Html h, Session s, String name, String desired) {
        String action = "/jobs/" + Html.path(name) + "/";
        h.raw("<div class=\"actions\">");
        if (!"RUNNING".equals(desired)) {
            form(
                    h,
                    s,
                    action + "start",
                    "start",
                    "Start",
                    "Start " + name + " from its newest state?");
        }
        if (!"STOPPED".equals(desired)) {
            form(
                    h,
                    s,
                    action + "stop",
                    "stop",
                    "Stop",
                    "Stop " + name + "? It stops with a savepoint and can start again from it.");
        }
        form(
                h,
                s,
                action + "restart",
                "restart",
                "Restart",
                "Restart " + name + " as a new job from its newest state?");
        h.raw("</div>");
    }

    /** A POST form with the CSRF token and a confirmation before it is sent. */
    static void form(Html h, Session s, String action, String id, String label, String confirm) {
        h.raw("<form method=\"post\" class=\"inline\" action=\"")
                .text(action)
                .raw("\" onsubmit=\"return confirm(this.dataset.confirm)\" data-confirm=\"")
                .text(confirm)
                .raw("\">")
                .raw(csrfField(s))
                .raw("<button id=\"")
                .text(id)
                .raw("\" class=\"btn-")
                .text(id)
                .raw("\">")
                .text(label)
                .raw("</button></form>");
    }

    static void field(Html h, String label, String id, Object value) {
        h.el("dt", "", label).el("dd", "id=\"" + id + "\"", value);
    }

    static String at(JsonNode event) {
        return text(event, "at");
    }

    /** When someone last changed the deployment's desired spec (not the loop's own events). */
    private static String lastChange(List<JsonNode> events) {
        String last = "";
        for (JsonNode e : events) {
            if (!"supervisor".equals(text(e, "who"))) {
                last = at(e);
            }
        }
        return last;
    }

    /** The deployment's whole audit log, oldest first, read page by page. */
    static final class Events {
        private Events() {}

        static List<JsonNode> all(SupervisorCalls api, String token, String deployment) {
            List<JsonNode> out = new ArrayList<>();
            long after = 0;
            while (true) {
                JsonNode page =
                        api.get(
                                token,
                                "/v1/events?limit=1000&after="
                                        + after
                                        + (deployment == null
                                                ? ""
                                                : "&deployment=" + Html.path(deployment)));
                page.path("events").forEach(out::add);
                if (page.path("next").isNull() || page.path("events").isEmpty()) {
                    return out;
                }
                after = out.get(out.size() - 1).path("id").asLong();
            }
        }
    }
}
