package io.flotilla.ui.pages;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The job page's lower sections: tables, state, releases, logs, exceptions and events. */
final class JobSections {

    private final SupervisorCalls api;

    JobSections(SupervisorCalls api) {
        this.api = api;
    }

    /** The tables the running version reads and writes, from its stored lineage. */
    void lineage(Html h, Session s, String name, String version, String module) {
        JsonNode doc;
        try {
            doc =
                    api.get(
                            s.token(),
                            "/v1/deployments/"
                                    + Html.path(name)
                                    + "/lineage/"
                                    + Html.path(version));
        } catch (SupervisorCalls.Refused e) {
            h.raw("<section class=\"card\" id=\"tables\"><h2>Tables</h2>")
                    .el(
                            "p",
                            "class=\"muted\"",
                            "No lineage stored for version "
                                    + version
                                    + ": the build stores it with PUT /v1/deployments/"
                                    + name
                                    + "/lineage/"
                                    + version
                                    + " (the DSL derives it).")
                    .raw("</section>");
            return;
        }
        h.raw("<section class=\"card\" id=\"tables\">");
        tables(h, "Reads from", "reads", doc.path("reads"), module);
        tables(h, "Writes to", "writes", doc.path("writes"), module);
        h.raw("</section>");
    }

    private static void tables(Html h, String title, String id, JsonNode list, String module) {
        h.el("h2", "", title)
                .raw("<table id=\"")
                .text(id)
                .raw("\"><thead><tr><th>table</th><th>location</th><th>owner</th>")
                .raw(
                        "<th>type</th><th>module</th><th>class</th><th>links</th></tr></thead><tbody>");
        for (JsonNode t : list) {
            String table = text(t, "name");
            h.raw("<tr><td>")
                    .link("/tables/" + Html.path(table), table)
                    .raw("</td>")
                    .el("td", "", text(t, "location"))
                    .el("td", "", text(t, "owner"))
                    .el("td", "", text(t, "connector") + " / " + text(t, "format"))
                    .el("td", "", module)
                    .el("td", "", text(t, "declaredBy"))
                    .raw("<td>")
                    .link("/tables/" + Html.path(table), "readers and writers")
                    .raw(" · ")
                    .link("/lineage#t-" + Html.path(table), "lineage")
                    .raw("</td></tr>");
        }
        h.raw("</tbody></table>");
    }

    /** Checkpoints and savepoints the deployment knows, with age, and which are pinned and why. */
    void state(Html h, Session s, String name, JsonNode d, List<JsonNode> events, Instant now) {
        JsonNode state = api.get(s.token(), "/v1/deployments/" + Html.path(name) + "/state");
        JsonNode st = d.path("status");
        Map<String, String> known = new LinkedHashMap<>();
        for (JsonNode e : events) {
            String m = text(e, "message");
            int i = m.indexOf(" stopped with ");
            if ("SavepointCompleted".equals(text(e, "type")) && i > 0) {
                known.put(m.substring(i + 14).strip(), text(e, "at"));
            }
        }
        for (String f : List.of("lastSavepoint", "lastCheckpoint", "newestRestorable")) {
            if (!text(st, f).isEmpty()) {
                known.putIfAbsent(text(st, f), "");
            }
        }
        List<String> pinned = new java.util.ArrayList<>();
        state.path("pinned").forEach(p -> pinned.add(p.asText()));
        pinned.forEach(p -> known.putIfAbsent(p, ""));
        h.raw("<section class=\"card\" id=\"state\"><h2>Checkpoints and savepoints</h2>")
                .raw("<table id=\"savepoints\"><thead><tr><th>kind</th><th>path</th>")
                .raw("<th>taken</th><th>size</th><th>pinned</th></tr></thead><tbody>");
        for (var e : known.entrySet()) {
            String path = e.getKey();
            String kind = path.contains("/chk-") ? "checkpoint" : "savepoint";
            h.raw("<tr>")
                    .el("td", "", kind)
                    .el("td", "class=\"path\"", path)
                    .el("td", "", e.getValue().isEmpty() ? "" : when(e.getValue(), now))
                    .el("td", "class=\"muted\"", "not reported")
                    .el("td", "", pinned.contains(path) ? why(path, d) : "no")
                    .raw("</tr>");
        }
        h.raw("</tbody></table>");
        JsonNode retention = state.path("retention");
        h.el(
                "p",
                "class=\"muted\"",
                "Retention: "
                        + retention(retention)
                        + ". Sizes are not reported by the supervisor's API yet.");
        if (Layout.may(s, Role.OPERATOR)) {
            h.raw("<form method=\"post\" id=\"from-savepoint\" action=\"/jobs/")
                    .text(Html.path(name))
                    .raw("/start-from-savepoint\" onsubmit=\"return confirm(")
                    .raw("'Start from the chosen savepoint?')\">")
                    .raw(csrfField(s))
                    .raw("<label>Start from <select name=\"savepoint\" id=\"savepoint\">");
            for (String p : known.keySet()) {
                h.raw("<option>").text(p).raw("</option>");
            }
            h.raw("</select></label> <button id=\"start-from\">Start from savepoint</button>")
                    .raw("</form>");
        }
        h.raw("</section>");
    }

    private static String retention(JsonNode r) {
        String keep = text(r, "keepSavepoints");
        String age = text(r, "maxAge");
        return (keep.isEmpty() ? "platform default count" : "keep " + keep + " savepoints")
                + ", "
                + (age.isEmpty() ? "platform default age" : "at least " + age);
    }

    private static String why(String path, JsonNode d) {
        JsonNode st = d.path("status");
        List<String> reasons = new java.util.ArrayList<>();
        if (path.equals(text(st, "lastSavepoint"))) {
            reasons.add("newest savepoint");
        }
        if (path.equals(text(st, "lastCheckpoint"))) {
            reasons.add("newest checkpoint");
        }
        if (path.equals(text(st, "newestRestorable"))) {
            reasons.add("newest restorable state");
        }
        if (path.equals(text(d.path("spec"), "restoreFrom"))) {
            reasons.add("chosen to start from");
        }
        if (path.equals(text(st.path("release"), "savepoint"))) {
            reasons.add("release in progress");
        }
        return reasons.isEmpty() ? "yes" : "yes: " + String.join(", ", reasons);
    }

    void releases(Html h, Session s, String name, Instant now) {
        JsonNode r = api.get(s.token(), "/v1/deployments/" + Html.path(name) + "/releases");
        h.raw("<section class=\"card\" id=\"releases\"><h2>Release history</h2>")
                .raw("<table><thead><tr><th>result</th><th>when</th><th>who</th>")
                .raw("<th>what (version, savepoint, reason)</th></tr></thead><tbody>");
        for (JsonNode e : r.path("releases")) {
            String what = text(e, "reason");
            if (!text(e, "savepoint").isEmpty()) {
                what =
                        "from version "
                                + text(e, "fromVersion")
                                + ", savepoint "
                                + text(e, "savepoint");
            }
            h.row(
                    text(e, "status"),
                    when(text(e, "at").isEmpty() ? text(e, "startedAt") : text(e, "at"), now),
                    text(e, "who"),
                    what);
        }
        h.raw("</tbody></table></section>");
    }

    void events(Html h, List<JsonNode> events, Instant now) {
        h.raw("<section class=\"card\" id=\"events\"><h2>Events</h2>")
                .raw("<table><thead><tr><th>when</th><th>who</th><th>kind</th><th>what</th>")
                .raw("</tr></thead><tbody>");
        int from = Math.max(0, events.size() - 100);
        for (int i = events.size() - 1; i >= from; i--) {
            JsonNode e = events.get(i);
            h.row(when(text(e, "at"), now), text(e, "who"), text(e, "type"), text(e, "message"));
        }
        h.raw("</tbody></table></section>");
    }
}
