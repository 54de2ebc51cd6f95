package io.flotilla.ui.pages;

import static io.flotilla.ui.html.Layout.badge;

import io.flotilla.supervisor.api.ClusterView;
import io.flotilla.supervisor.api.DeploymentList;
import io.flotilla.supervisor.api.DeploymentView;
import io.flotilla.supervisor.api.Phase;
import io.flotilla.supervisor.api.SupervisorEndpoints;
import io.flotilla.ui.Sessions.Session;
import io.flotilla.ui.api.Clients;
import io.flotilla.ui.html.Html;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The job list: name, status (live), cluster, version, owner, retries; filtered, searched, sorted
 * and paged by the API, so a page costs the same with 10,000 deployments as with ten.
 */
public final class JobListPage {

    static final int PAGE = 50;
    private static final List<String> FILTERS = List.of("phase", "cluster", "owner", "q", "sort");

    private final Clients api;
    private final Map<String, Cached> clusters = new java.util.concurrent.ConcurrentHashMap<>();

    public JobListPage(Clients api) {
        this.api = api;
    }

    /** The page's body, or only its rows when htmx polls for them. */
    public String render(Session s, Map<String, String> query, boolean rowsOnly) {
        Map<String, String> filters = new LinkedHashMap<>();
        for (String f : FILTERS) {
            String v = query.get(f);
            if (v != null && !v.isBlank()) {
                filters.put(f, v.strip());
            }
        }
        int page = Math.max(0, parse(query.get("page")));
        Map<String, String> q = new LinkedHashMap<>(filters);
        q.put("limit", String.valueOf(PAGE));
        q.put("offset", String.valueOf(page * PAGE));
        // The typed client has no paged list yet: the endpoint's description, with its query.
        DeploymentList list =
                api.of(s).api().exchange(SupervisorEndpoints.LIST_DEPLOYMENTS, q, null).body();
        if (rowsOnly) {
            return rows(list);
        }
        Html h = new Html();
        h.raw("<form class=\"filters\" method=\"get\" action=\"/jobs\">")
                .raw("<input type=\"search\" name=\"q\" id=\"q\" placeholder=\"name\" value=\"")
                .text(filters.get("q"))
                .raw(
                        "\"><select name=\"phase\" id=\"phase\"><option value=\"\">any status</option>");
        for (Phase phase : Phase.values()) {
            String p = phase.name();
            h.raw("<option").raw(p.equals(filters.get("phase")) ? " selected" : "").raw(">");
            h.text(p).raw("</option>");
        }
        h.raw("</select><select name=\"cluster\" id=\"cluster\">")
                .raw("<option value=\"\">any cluster</option>");
        for (String name : clusterNames(s)) {
            h.raw("<option").raw(name.equals(filters.get("cluster")) ? " selected" : "");
            h.raw(">").text(name).raw("</option>");
        }
        h.raw("</select><input name=\"owner\" id=\"owner\" placeholder=\"owner\" value=\"")
                .text(filters.get("owner"))
                .raw("\"><input type=\"hidden\" name=\"sort\" value=\"")
                .text(filters.getOrDefault("sort", "name"))
                .raw("\"><button>Filter</button></form>");
        long total = list.total();
        h.raw("<p class=\"count\" id=\"total\">").text(total).raw(" deployments</p>");
        h.raw("<table class=\"jobs\" id=\"jobs\"><thead><tr>");
        for (String col : List.of("name", "phase", "cluster", "version", "owner", "retries")) {
            String label = col.equals("phase") ? "status" : col;
            String sort = filters.getOrDefault("sort", "name");
            String next = sort.equals(col) ? "-" + col : col;
            Map<String, String> f = new LinkedHashMap<>(filters);
            f.put("sort", next);
            h.raw("<th>").link("/jobs" + queryString(f, 0), label).raw("</th>");
        }
        h.raw("</tr></thead>");
        String self = "/jobs" + queryString(filters, page);
        h.raw("<tbody id=\"rows\" hx-get=\"")
                .text(self + (self.contains("?") ? "&" : "?") + "fragment=rows")
                .raw("\" hx-trigger=\"every 5s\" hx-swap=\"innerHTML\">")
                .raw(rows(list))
                .raw("</tbody></table><p class=\"pager\">");
        if (page > 0) {
            h.raw("<a id=\"prev\" href=\"").text("/jobs" + queryString(filters, page - 1));
            h.raw("\">&larr; previous</a> ");
        }
        long pages = Math.max(1, (total + PAGE - 1) / PAGE);
        h.raw("page ").text(page + 1).raw(" of ").text(pages);
        if ((page + 1L) * PAGE < total) {
            h.raw(" <a id=\"next\" href=\"").text("/jobs" + queryString(filters, page + 1));
            h.raw("\">next &rarr;</a>");
        }
        return h.raw("</p>").toString();
    }

    /**
     * The clusters for the filter, asked of the API at most every 30 s per token: they change
     * rarely, and each answer counts every deployment.
     */
    private List<String> clusterNames(Session s) {
        Cached c = clusters.get(s.token());
        if (c == null || c.at() < System.nanoTime() - 30_000_000_000L) {
            List<String> names = new java.util.ArrayList<>();
            for (ClusterView cluster : api.of(s).clusters().clusters()) {
                names.add(cluster.name());
            }
            c = new Cached(List.copyOf(names), System.nanoTime());
            clusters.put(s.token(), c);
        }
        return c.names();
    }

    private record Cached(List<String> names, long at) {}

    private static String rows(DeploymentList list) {
        Html h = new Html();
        for (DeploymentView d : list.deployments()) {
            h.raw("<tr><td>")
                    .link("/jobs/" + Html.path(d.name()), d.name())
                    .raw("</td><td>")
                    .raw(badge(d.phase()))
                    .raw("</td><td>")
                    .link("/clusters/" + Html.path(d.cluster()), d.cluster())
                    .raw("</td>")
                    .el("td", "", d.spec().version())
                    .el("td", "", d.spec().owner())
                    .el("td", "", d.status().retries())
                    .raw("</tr>");
        }
        return h.toString();
    }

    private static String queryString(Map<String, String> filters, int page) {
        StringBuilder b = new StringBuilder();
        filters.forEach(
                (k, v) ->
                        b.append(b.length() == 0 ? '?' : '&')
                                .append(k)
                                .append('=')
                                .append(Html.path(v)));
        if (page > 0) {
            b.append(b.length() == 0 ? '?' : '&').append("page=").append(page);
        }
        return b.toString();
    }

    private static int parse(String raw) {
        try {
            return raw == null ? 0 : Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
