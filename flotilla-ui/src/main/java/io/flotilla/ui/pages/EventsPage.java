package io.flotilla.ui.pages;

import static io.flotilla.ui.html.Layout.text;
import static io.flotilla.ui.html.Layout.when;

import io.flotilla.supervisor.api.EventView;
import io.flotilla.ui.Sessions.Session;
import io.flotilla.ui.api.Clients;
import io.flotilla.ui.html.Html;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The audit log, newest first, filtered by deployment, who and kind. */
public final class EventsPage {

    private static final int SHOWN = 200;

    private final Clients api;

    public EventsPage(Clients api) {
        this.api = api;
    }

    public String render(Session s, Map<String, String> query) {
        String deployment = blank(query.get("deployment"));
        String who = blank(query.get("who"));
        String kind = blank(query.get("kind"));
        List<EventView> events = History.all(api.of(s), deployment);
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
            EventView e = events.get(i);
            if (who != null && !who.equals(e.who()) || kind != null && !kind.equals(e.type())) {
                continue;
            }
            shown++;
            h.raw("<tr>").el("td", "", e.id()).el("td", "", when(e.at(), now)).raw("<td>");
            if (text(e.deployment()).isEmpty()) {
                // Events of no deployment: logging in and out, a cleanup of every cluster.
                h.el("span", "class=\"muted\"", "-");
            } else {
                h.link("/jobs/" + Html.path(e.deployment()), e.deployment());
            }
            h.raw("</td>")
                    .el("td", "", e.who())
                    .el("td", "", e.type())
                    .el("td", "", e.message())
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
