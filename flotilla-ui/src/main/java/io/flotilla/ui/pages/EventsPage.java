package io.flotilla.ui.pages;

import static io.flotilla.ui.html.Layout.text;
import static io.flotilla.ui.html.Layout.when;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.ui.Sessions.Session;
import io.flotilla.ui.api.SupervisorCalls;
import io.flotilla.ui.html.Html;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The audit log, newest first, filtered by deployment, who and kind. */
public final class EventsPage {

    private static final int SHOWN = 200;

    private final SupervisorCalls api;

    public EventsPage(SupervisorCalls api) {
        this.api = api;
    }

    public String render(Session s, Map<String, String> query) {
        String deployment = blank(query.get("deployment"));
        String who = blank(query.get("who"));
        String kind = blank(query.get("kind"));
        List<JsonNode> events = JobPage.Events.all(api, s.token(), deployment);
        Html h = new Html();
        h.raw("<form class=\"filters\" method=\"get\" action=\"/events\">");
        input(h, "deployment", deployment);
        input(h, "who", who);
        input(h, "kind", kind);
        h.raw("<button>Filter</button></form><table id=\"event-log\"><thead><tr><th>#</th>")
                .raw("<th>when</th><th>deployment</th><th>who</th><th>kind</th><th>what</th>")
                .raw("</tr></thead><tbody>");
        Instant now = Instant.now();
        int shown = 0;
        for (int i = events.size() - 1; i >= 0 && shown < SHOWN; i--) {
            JsonNode e = events.get(i);
            if (who != null && !who.equals(text(e, "who"))
                    || kind != null && !kind.equals(text(e, "type"))) {
                continue;
            }
            shown++;
            h.raw("<tr>")
                    .el("td", "", text(e, "id"))
                    .el("td", "", when(text(e, "at"), now))
                    .raw("<td>")
                    .link("/jobs/" + Html.path(text(e, "deployment")), text(e, "deployment"))
                    .raw("</td>")
                    .el("td", "", text(e, "who"))
                    .el("td", "", text(e, "type"))
                    .el("td", "", text(e, "message"))
                    .raw("</tr>");
        }
        return h.raw("</tbody></table>").toString();
    }

    private static void input(Html h, String name, String value) {
        h.raw("<input name=\"" + name + "\" id=\"ev-" + name + "\" placeholder=\"" + name + "\"")
                .raw(" value=\"")
                .text(value)
                .raw("\">");
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
