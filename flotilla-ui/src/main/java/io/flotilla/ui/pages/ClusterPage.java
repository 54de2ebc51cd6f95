package io.flotilla.ui.pages;

import static io.flotilla.ui.html.Layout.badge;
import static io.flotilla.ui.html.Layout.text;
import static io.flotilla.ui.html.Layout.when;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.ui.Sessions.Session;
import io.flotilla.ui.api.SupervisorCalls;
import io.flotilla.ui.html.Html;
import java.time.Instant;
import java.util.Set;

/**
 * A cluster's page: its deployments, slots used (parallelism of its live jobs) and free,
 * reachability (whether the supervisor can observe it) and whether it was declared lost.
 */
public final class ClusterPage {

    private static final Set<String> USING_SLOTS =
            Set.of("RUNNING", "STARTING", "UPGRADING", "STOPPING", "ROLLING_BACK");

    private final SupervisorCalls api;

    public ClusterPage(SupervisorCalls api) {
        this.api = api;
    }

    public String render(Session s, String name) {
        JsonNode c = api.get(s.token(), "/v1/clusters/" + Html.path(name));
        JsonNode list = api.get(s.token(), "/v1/deployments?limit=1000&cluster=" + Html.path(name));
        int used = 0;
        int unknown = 0;
        for (JsonNode d : list.path("deployments")) {
            if (USING_SLOTS.contains(text(d, "phase"))) {
                used += d.path("spec").path("parallelism").asInt(1);
            }
            if ("UNKNOWN".equals(text(d, "phase"))) {
                unknown++;
            }
        }
        int slots = c.path("slots").asInt();
        boolean lost = c.path("lost").asBoolean();
        JsonNode health = api.get(s.token(), "/health");
        Html h = new Html();
        h.raw("<section class=\"card\"><dl class=\"fields\">");
        JobPage.field(h, "Name", "c-name", name);
        JobPage.field(h, "Sidecar", "c-sidecar", text(c, "sidecarUrl"));
        JobPage.field(h, "Slots", "c-slots", slots);
        JobPage.field(h, "Slots used", "c-used", used);
        JobPage.field(h, "Slots free", "c-free", Math.max(0, slots - used));
        JobPage.field(
                h,
                "Health",
                "c-health",
                lost
                        ? "lost (declared " + text(c, "lostAt") + ")"
                        : unknown > 0
                                ? "unreachable: " + unknown + " deployments UNKNOWN"
                                : "reachable");
        JobPage.field(h, "Lost", "c-lost", lost ? "yes" : "no");
        JobPage.field(
                h,
                "Last contact",
                "c-contact",
                "last tick of the supervisor " + when(text(health, "lastStep"), Instant.now()));
        JobPage.field(h, "Flink version", "c-flink", "not reported by the supervisor's API yet");
        h.raw("</dl></section><section class=\"card\"><h2>Deployments</h2>")
                .raw("<table id=\"cluster-jobs\"><thead><tr><th>name</th><th>status</th>")
                .raw("<th>version</th><th>owner</th><th>parallelism</th></tr></thead><tbody>");
        for (JsonNode d : list.path("deployments")) {
            h.raw("<tr><td>")
                    .link("/jobs/" + Html.path(text(d, "name")), text(d, "name"))
                    .raw("</td><td>")
                    .raw(badge(text(d, "phase")))
                    .raw("</td>")
                    .el("td", "", text(d.path("spec"), "version"))
                    .el("td", "", text(d.path("spec"), "owner"))
                    .el("td", "", d.path("spec").path("parallelism").asInt())
                    .raw("</tr>");
        }
        return h.raw("</tbody></table></section>").toString();
    }
}
