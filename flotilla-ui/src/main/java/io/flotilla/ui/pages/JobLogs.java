package io.flotilla.ui.pages;

import static io.flotilla.ui.html.Layout.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.ui.Sessions.Session;
import io.flotilla.ui.api.SupervisorCalls;
import io.flotilla.ui.html.Html;
import java.util.Map;

/**
 * The job page's Logs and Exceptions, loaded after the page (htmx) from the API's {@code
 * /v1/deployments/{name}/logs} and {@code /exceptions}, which read the sidecar of the job's
 * cluster: the JobManager's or a TaskManager's log, the job's lines only unless all are asked,
 * paged back and forth; and Flink's exception history of the current job.
 */
public final class JobLogs {

    private final SupervisorCalls api;

    public JobLogs(SupervisorCalls api) {
        this.api = api;
    }

    /** The placeholders the page loads into once it is shown. */
    static void sections(Html h, String name) {
        String base = "/jobs/" + Html.path(name);
        h.raw("<section class=\"card\" id=\"logs\"><h2>Logs</h2>")
                .raw("<div id=\"logs-view\" hx-get=\"")
                .text(base + "/logs?source=jobmanager")
                .raw("\" hx-trigger=\"load\">loading the JobManager's log…</div></section>")
                .raw("<section class=\"card\" id=\"exceptions\"><h2>Exceptions</h2>")
                .raw("<div id=\"exceptions-view\" hx-get=\"")
                .text(base + "/exceptions")
                .raw("\" hx-trigger=\"load\">loading Flink's exception history…</div></section>");
    }

    public String logs(Session s, String name, Map<String, String> query) {
        String source = "taskmanager".equals(query.get("source")) ? "taskmanager" : "jobmanager";
        boolean all = "true".equals(query.get("all"));
        StringBuilder q = new StringBuilder("?limit=200&source=" + source);
        for (String k : new String[] {"taskManager", "offset", "before"}) {
            if (query.get(k) != null && !query.get(k).isBlank()) {
                q.append('&').append(k).append('=').append(Html.path(query.get(k)));
            }
        }
        if (all) {
            q.append("&all=true");
        }
        String base = "/jobs/" + Html.path(name) + "/logs";
        Html h = new Html();
        h.raw("<p class=\"tabs\">");
        tab(
                h,
                base + "?source=jobmanager" + (all ? "&all=true" : ""),
                "JobManager",
                "log-jm",
                source.equals("jobmanager"));
        tab(
                h,
                base + "?source=taskmanager" + (all ? "&all=true" : ""),
                "TaskManager",
                "log-tm",
                source.equals("taskmanager"));
        tab(
                h,
                base + "?source=" + source + (all ? "" : "&all=true"),
                all ? "only this job's lines" : "all lines",
                "log-all",
                false);
        h.raw("</p>");
        JsonNode page;
        try {
            page = api.get(s.token(), "/v1/deployments/" + Html.path(name) + "/logs" + q);
        } catch (SupervisorCalls.Refused e) {
            return h.el("p", "class=\"muted\" id=\"log-refused\"", e.getMessage()).toString();
        }
        h.el(
                "p",
                "class=\"muted\"",
                (source.equals("jobmanager")
                                ? "JobManager"
                                : "TaskManager " + text(page, "taskManager"))
                        + " of "
                        + text(page, "cluster")
                        + (all ? ", all lines" : ", lines naming job " + text(page, "jobId"))
                        + ", newest last");
        StringBuilder lines = new StringBuilder();
        page.path("lines").forEach(l -> lines.append(l.asText()).append('\n'));
        h.el("pre", "class=\"log\" id=\"log-lines\"", lines.length() == 0 ? "(no line)" : lines);
        h.raw("<p class=\"pager\">");
        if (!page.path("previous").isNull() && !page.path("previous").isMissingNode()) {
            tab(
                    h,
                    base + q + "&before=" + page.path("previous").asLong(),
                    "← older",
                    "log-older",
                    false);
        }
        tab(
                h,
                base + "?source=" + source + (all ? "&all=true" : ""),
                "newest",
                "log-newest",
                false);
        return h.raw("</p>").toString();
    }

    private static void tab(Html h, String href, String label, String id, boolean current) {
        h.raw("<a href=\"#\" id=\"" + id + "\" hx-get=\"")
                .text(href)
                .raw("\" hx-target=\"#logs-view\"" + (current ? " class=\"current\"" : "") + ">")
                .text(label)
                .raw("</a> ");
    }

    public String exceptions(Session s, String name) {
        JsonNode ex;
        try {
            ex = api.get(s.token(), "/v1/deployments/" + Html.path(name) + "/exceptions");
        } catch (SupervisorCalls.Refused e) {
            return new Html().el("p", "class=\"muted\"", e.getMessage()).toString();
        }
        Html h = new Html();
        if (ex.path("history").isEmpty() && ex.path("rootCause").isNull()) {
            return h.el(
                            "p",
                            "class=\"muted\" id=\"no-exceptions\"",
                            "Job " + text(ex, "jobId") + " has not failed.")
                    .toString();
        }
        h.raw("<table id=\"exception-history\"><thead><tr><th>when</th><th>exception</th>")
                .raw("<th>task</th><th>TaskManager</th></tr></thead><tbody>");
        for (JsonNode f : ex.path("history")) {
            h.raw("<tr>")
                    .el("td", "", text(f, "time"))
                    .raw("<td><details><summary>")
                    .text(text(f, "exception"))
                    .raw("</summary>")
                    .el("pre", "class=\"log\"", text(f, "stacktrace"))
                    .raw("</details></td>")
                    .el("td", "", text(f, "taskName"))
                    .el("td", "", text(f, "taskManager"))
                    .raw("</tr>");
        }
        if (ex.path("truncated").asBoolean()) {
            h.el("tr", "", "older exceptions were dropped by Flink");
        }
        return h.raw("</tbody></table>").toString();
    }
}
