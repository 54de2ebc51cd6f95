package io.flotilla.ui.pages;

import static io.flotilla.ui.html.Layout.badge;
import static io.flotilla.ui.html.Layout.csrfField;
import static io.flotilla.ui.html.Layout.text;
import static io.flotilla.ui.html.Layout.when;

import io.flotilla.http.Role;
import io.flotilla.supervisor.api.DeploymentView;
import io.flotilla.supervisor.api.DesiredState;
import io.flotilla.supervisor.api.EventView;
import io.flotilla.supervisor.api.RunView;
import io.flotilla.supervisor.api.SpecView;
import io.flotilla.ui.Sessions.Session;
import io.flotilla.ui.api.Clients;
import io.flotilla.ui.html.Html;
import io.flotilla.ui.html.Layout;
import java.time.Instant;
import java.util.List;

/**
 * The job page, the seed's field by field: Start, Stop (with a savepoint), Restart, Retries, Name,
 * Status (live), Cluster, Version, Module, Created, Updated, Logs, the tables read and written; and
 * beyond it what needs an operator's attention and the actions that resolve it, releases,
 * checkpoints and savepoints (pinned or not), start from a savepoint, exceptions, the deployment's
 * events and its current JobID.
 */
public final class JobPage {

    private final Clients api;
    private final JobSections sections;

    private final FlinkWeb flink;

    public JobPage(Clients api, FlinkWeb flink) {
        this.api = api;
        this.sections = new JobSections();
        this.flink = flink;
    }

    public String render(Session s, String name) {
        JobPageData data = JobPageData.fetch(api.of(s), name);
        DeploymentView d = data.deployment();
        SpecView spec = d.spec();
        List<EventView> events = data.events();
        History.Times times = History.times(d, events);
        Instant now = Instant.now();
        Html h = new Html();
        if (Layout.may(s, Role.OPERATOR)) {
            buttons(h, s, name, spec.desiredState());
        }
        JobSections.Known known = JobSections.known(d, data.state(), events);
        Attention.section(h, s, d, known.paths(), now);
        h.raw("<div class=\"cards\"><section class=\"card\"><h2>Job</h2><dl class=\"fields\">");
        field(h, "Name", "f-name", name);
        h.raw("<dt>Status</dt><dd id=\"f-status\">").raw(badge(d.phase())).raw("</dd>");
        h.raw("<dt>Cluster</dt><dd id=\"f-cluster\">")
                .link("/clusters/" + Html.path(d.cluster()), d.cluster())
                .raw("</dd>");
        field(
                h,
                "Flink",
                "f-flink",
                spec.flinkVersion() == null ? "any version" : spec.flinkVersion());
        field(h, "Version", "f-version", spec.version());
        field(h, "Module", "f-module", spec.module());
        field(h, "Owner", "f-owner", spec.owner());
        field(h, "Created", "f-created", when(times.created(), now));
        field(h, "Updated", "f-updated", when(times.updated(), now));
        field(h, "Desired", "f-desired", spec.desiredState());
        field(h, "Entry class", "f-entry", spec.entryClass());
        field(h, "Artifact", "f-artifact", spec.artifactUri());
        field(h, "Parallelism", "f-parallelism", spec.parallelism());
        field(h, "Upgrade mode", "f-upgrade", spec.upgradeMode());
        field(h, "Generation", "f-generation", d.generation());
        h.raw("</dl></section><section class=\"card\"><h2>Current run</h2>");
        h.raw("<div id=\"live\" hx-get=\"/jobs/")
                .text(Html.path(name))
                .raw("/live\" hx-trigger=\"every 2s\" hx-swap=\"innerHTML\">")
                .raw(live(s, data.current()))
                .raw("</div></section></div>");
        sections.lineage(h, data.lineage(), name, spec.version(), spec.module());
        sections.state(h, s, d, known, now);
        sections.releases(h, data.releases(), now);
        BackfillSection.render(h, s, data.backfills(), name, now);
        if (!text(d.status().error()).isEmpty()) {
            h.raw("<section class=\"card\"><h2>Last error</h2>")
                    .el("pre", "class=\"error\" id=\"last-error\"", d.status().error())
                    .raw("</section>");
        }
        JobLogs.sections(h, name);
        sections.events(h, events, now);
        return h.toString();
    }

    /** The live part: polled every 2 s by htmx, so the status changes without a reload. */
    public String live(Session s, String name) {
        return live(s, api.of(s).runs(name).current());
    }

    private String live(Session s, RunView c) {
        Html h = new Html();
        h.raw("<dl class=\"fields\"><dt>Status</dt><dd id=\"live-status\">")
                .raw(badge(c.phase()))
                .raw("</dd>");
        field(h, "Retries", "live-retries", c.retries());
        h.raw("<dt>JobID</dt><dd id=\"live-jobid\">");
        String link = flink.jobPage(s, c.cluster(), c.jobId());
        if (link == null) {
            h.text(c.jobId());
        } else {
            h.raw("<a id=\"flink-job\" target=\"_blank\" rel=\"noopener noreferrer\" href=\"")
                    .text(link)
                    .raw("\">")
                    .text(c.jobId())
                    .raw("</a>");
        }
        h.raw("</dd>");
        field(h, "Running version", "live-version", c.version());
        field(h, "Restored from", "live-restored", c.restoredFrom());
        field(h, "Last checkpoint", "live-checkpoint", c.lastCheckpoint());
        field(h, "Last savepoint", "live-savepoint", c.lastSavepoint());
        if (c.nextRetryAt() != null) {
            field(h, "Next retry", "live-next-retry", c.nextRetryAt());
        }
        if (!text(c.error()).isEmpty()) {
            h.raw("<dt>Error</dt><dd id=\"live-error\" class=\"error\">")
                    .text(c.error())
                    .raw("</dd>");
        }
        return h.raw("</dl>").toString();
    }

    private static void buttons(Html h, Session s, String name, DesiredState desired) {
        String action = "/jobs/" + Html.path(name) + "/";
        h.raw("<div class=\"actions\">");
        if (desired != DesiredState.RUNNING) {
            form(
                    h,
                    s,
                    action + "start",
                    "start",
                    "Start",
                    "Start " + name + " from its newest state?");
        }
        if (desired != DesiredState.STOPPED) {
            form(
                    h,
                    s,
                    action + "stop",
                    "stop",
                    "Stop",
                    "Stop " + name + "? It stops with a savepoint and can start again from it.");
            form(
                    h,
                    s,
                    action + "savepoint",
                    "savepoint",
                    "Take a savepoint",
                    "Take a savepoint of "
                            + name
                            + " now? The job keeps running; the savepoint is listed below once"
                            + " written.");
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
        formOpen(h, s, action, confirm, "");
        h.raw("<button id=\"")
                .text(id)
                .raw("\" class=\"btn-")
                .text(id)
                .raw("\">")
                .text(label)
                .raw("</button></form>");
    }

    /** Opens a confirmed POST form with the CSRF token; {@code fields} is more markup. */
    static void formOpen(Html h, Session s, String action, String confirm, String fields) {
        h.raw("<form method=\"post\" class=\"inline\" action=\"")
                .text(action)
                .raw("\" onsubmit=\"return confirm(this.dataset.confirm)\" data-confirm=\"")
                .text(confirm)
                .raw("\">")
                .raw(csrfField(s))
                .raw(fields);
    }

    static void field(Html h, String label, String id, Object value) {
        h.el("dt", "", label).el("dd", "id=\"" + id + "\"", value);
    }
}
