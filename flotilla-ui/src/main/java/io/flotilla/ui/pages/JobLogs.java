package io.flotilla.ui.pages;

import static io.flotilla.ui.html.Layout.text;
import static io.flotilla.ui.html.Layout.when;

import io.flotilla.http.ApiCallException;
import io.flotilla.supervisor.api.DeploymentExceptions;
import io.flotilla.supervisor.api.DeploymentLogPage;
import io.flotilla.supervisor.api.JobFailure;
import io.flotilla.supervisor.api.LogQuery;
import io.flotilla.supervisor.api.LogSource;
import io.flotilla.ui.Sessions.Session;
import io.flotilla.ui.api.Clients;
import io.flotilla.ui.html.Html;
import java.time.Instant;
import java.util.Map;

/**
 * The job page's Logs and Exceptions, loaded after the page (htmx) from the API's {@code
 * /v1/deployments/{name}/logs} and {@code /exceptions}, which read the sidecar of the job's
 * cluster: the JobManager's or a TaskManager's log, the job's lines only unless all are asked,
 * paged back and forth; and Flink's exception history of the current job.
 */
public final class JobLogs {

    private final Clients api;

    public JobLogs(Clients api) {
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
        // The same log (source, TaskManager, all or not) without a position: pages add theirs.
        StringBuilder q = new StringBuilder("?source=" + source);
        if (query.get("taskManager") != null && !query.get("taskManager").isBlank()) {
            q.append("&taskManager=").append(Html.path(query.get("taskManager")));
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
        DeploymentLogPage page;
        try {
            page =
                    api.of(s)
                            .logs(
                                    name,
                                    new LogQuery(
                                            source.equals("jobmanager")
                                                    ? LogSource.JOBMANAGER
                                                    : LogSource.TASKMANAGER,
                                            blank(query.get("taskManager")),
                                            null,
                                            number(query.get("offset")),
                                            number(query.get("before")),
                                            200,
                                            all));
        } catch (ApiCallException e) {
            return h.el("p", "class=\"muted\" id=\"log-refused\"", e.getMessage()).toString();
        }
        h.el(
                "p",
                "class=\"muted\"",
                (source.equals("jobmanager")
                                ? "JobManager"
                                : "TaskManager " + text(page.taskManager()))
                        + " of "
                        + page.cluster()
                        + (all ? ", all lines" : ", lines naming job " + text(page.jobId()))
                        + ", newest last");
        StringBuilder lines = new StringBuilder();
        page.lines().forEach(l -> lines.append(l).append('\n'));
        h.el("pre", "class=\"log\" id=\"log-lines\"", lines.length() == 0 ? "(no line)" : lines);
        h.raw("<p class=\"pager\">");
        if (page.previous() != null) {
            String tm =
                    q.indexOf("&taskManager=") < 0 && page.taskManager() != null
                            ? "&taskManager=" + Html.path(page.taskManager())
                            : "";
            tab(h, base + q + tm + "&before=" + page.previous(), "← older", "log-older", false);
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
        DeploymentExceptions ex;
        try {
            ex = api.of(s).exceptions(name);
        } catch (ApiCallException e) {
            return new Html().el("p", "class=\"muted\"", e.getMessage()).toString();
        }
        Html h = new Html();
        if (ex.history().isEmpty() && ex.rootCause() == null) {
            return h.el(
                            "p",
                            "class=\"muted\" id=\"no-exceptions\"",
                            "Job " + text(ex.jobId()) + " has not failed.")
                    .toString();
        }
        h.raw("<table id=\"exception-history\"><thead><tr><th>when</th><th>exception</th>")
                .raw("<th>task</th><th>TaskManager</th></tr></thead><tbody>");
        Instant now = Instant.now();
        for (JobFailure f : ex.history()) {
            h.raw("<tr>")
                    .el("td", "", when(f.time(), now))
                    .raw("<td><details><summary>")
                    .text(f.exception())
                    .raw("</summary>")
                    .el("pre", "class=\"log\"", f.stacktrace())
                    .raw("</details></td>")
                    .el("td", "", f.taskName())
                    .el("td", "", f.taskManager())
                    .raw("</tr>");
        }
        if (ex.truncated()) {
            h.el("tr", "", "older exceptions were dropped by Flink");
        }
        return h.raw("</tbody></table>").toString();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Long number(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
