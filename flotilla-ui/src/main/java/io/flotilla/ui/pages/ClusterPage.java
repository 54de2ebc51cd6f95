package io.flotilla.ui.pages;

import static io.flotilla.ui.html.Layout.badge;
import static io.flotilla.ui.html.Layout.text;
import static io.flotilla.ui.html.Layout.when;

import io.flotilla.supervisor.api.ClusterFlinkView;
import io.flotilla.supervisor.api.ClusterView;
import io.flotilla.supervisor.api.DeploymentList;
import io.flotilla.supervisor.api.DeploymentView;
import io.flotilla.supervisor.api.Phase;
import io.flotilla.supervisor.api.SupervisorClient;
import io.flotilla.supervisor.api.SupervisorEndpoints;
import io.flotilla.ui.Sessions.Session;
import io.flotilla.ui.api.Clients;
import io.flotilla.ui.html.Html;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A cluster's page: its deployments, slots used (parallelism of its live jobs) and free, its Flink
 * as the sidecar reports it now (version, TaskManagers, slots Flink counts free, a link to Flink's
 * web UI), health and last contact, and whether it was declared lost.
 */
public final class ClusterPage {

    private static final Set<Phase> USING_SLOTS =
            EnumSet.of(
                    Phase.RUNNING,
                    Phase.STARTING,
                    Phase.UPGRADING,
                    Phase.STOPPING,
                    Phase.ROLLING_BACK);

    private final Clients api;

    public ClusterPage(Clients api) {
        this.api = api;
    }

    public String render(Session s, String name) {
        SupervisorClient client = api.of(s);
        ClusterView c = client.cluster(name);
        DeploymentList list =
                client.api()
                        .exchange(
                                SupervisorEndpoints.LIST_DEPLOYMENTS,
                                Map.of("cluster", name, "limit", "1000"),
                                null)
                        .body();
        int used = 0;
        int unknown = 0;
        for (DeploymentView d : list.deployments()) {
            if (USING_SLOTS.contains(d.phase())) {
                used += Math.max(1, d.spec().parallelism());
            }
            if (d.phase() == Phase.UNKNOWN) {
                unknown++;
            }
        }
        ClusterFlinkView flink = client.clusterFlink(name);
        Instant now = Instant.now();
        Html h = new Html();
        h.raw("<section class=\"card\"><dl class=\"fields\">");
        JobPage.field(h, "Name", "c-name", name);
        JobPage.field(h, "Sidecar", "c-sidecar", c.sidecarUrl());
        JobPage.field(h, "Slots", "c-slots", c.slots());
        JobPage.field(h, "Slots used", "c-used", used);
        JobPage.field(h, "Slots free", "c-free", Math.max(0, c.slots() - used));
        JobPage.field(
                h,
                "Health",
                "c-health",
                c.lost()
                        ? "lost (declared " + text(c.lostAt()) + ")"
                        : !flink.reachable()
                                ? "unreachable: " + text(flink.error())
                                : unknown > 0
                                        ? "unreachable: " + unknown + " deployments UNKNOWN"
                                        : "reachable");
        JobPage.field(h, "Lost", "c-lost", c.lost() ? "yes" : "no");
        JobPage.field(
                h,
                "Last contact",
                "c-contact",
                flink.reachable()
                        ? when(flink.checkedAt(), now)
                        : "no answer at " + when(flink.checkedAt(), now));
        JobPage.field(h, "Flink version", "c-flink", flink.version());
        JobPage.field(h, "TaskManagers", "c-taskmanagers", flink.taskManagers());
        JobPage.field(
                h,
                "Slots free in Flink",
                "c-flink-free",
                flink.slotsTotal() == null
                        ? ""
                        : flink.slotsAvailable() + " of " + flink.slotsTotal());
        String web = FlinkWeb.safe(flink.webUrl());
        h.raw("<dt>Flink web UI</dt><dd id=\"c-flink-web\">");
        if (web != null) {
            h.raw("<a target=\"_blank\" rel=\"noopener noreferrer\" href=\"")
                    .text(web)
                    .raw("\">")
                    .text(web)
                    .raw("</a>");
        }
        h.raw("</dd>");
        h.raw("</dl></section><section class=\"card\"><h2>Deployments</h2>")
                .raw("<table id=\"cluster-jobs\"><thead><tr><th>name</th><th>status</th>")
                .raw("<th>version</th><th>owner</th><th>parallelism</th></tr></thead><tbody>");
        for (DeploymentView d : list.deployments()) {
            h.raw("<tr><td>")
                    .link("/jobs/" + Html.path(d.name()), d.name())
                    .raw("</td><td>")
                    .raw(badge(d.phase()))
                    .raw("</td>")
                    .el("td", "", d.spec().version())
                    .el("td", "", d.spec().owner())
                    .el("td", "", d.spec().parallelism())
                    .raw("</tr>");
        }
        return h.raw("</tbody></table></section>").toString();
    }
}
