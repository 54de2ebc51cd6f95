package io.flotilla.ui.pages;

import io.flotilla.http.ApiCallException;
import io.flotilla.supervisor.api.DeploymentView;
import io.flotilla.supervisor.api.Lineage;
import io.flotilla.supervisor.api.LineageTable;
import io.flotilla.supervisor.api.SupervisorClient;
import io.flotilla.ui.Sessions.Session;
import io.flotilla.ui.api.Clients;
import io.flotilla.ui.html.Html;
import io.flotilla.ui.lineage.LineageGraph;
import io.flotilla.ui.lineage.LineageGraph.JobLineage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lineage graph of every job (each deployment's stored lineage of its current version) and a
 * table's page: what it is and which jobs read and write it.
 */
public final class LineagePages {

    /** Everything known about the tables and who uses them. */
    record Catalog(List<JobLineage> jobs, Map<String, LineageTable> tables) {}

    private final Clients api;

    public LineagePages(Clients api) {
        this.api = api;
    }

    Catalog catalog(Session s) {
        List<JobLineage> jobs = new ArrayList<>();
        Map<String, LineageTable> tables = new LinkedHashMap<>();
        SupervisorClient client = api.of(s);
        for (DeploymentView d : client.deployments().deployments()) {
            Lineage doc;
            try {
                doc = client.lineage(d.name(), d.spec().version());
            } catch (ApiCallException e) {
                continue;
            }
            List<String> reads = new ArrayList<>();
            List<String> writes = new ArrayList<>();
            doc.reads().forEach(t -> reads.add(keep(tables, t)));
            doc.writes().forEach(t -> writes.add(keep(tables, t)));
            jobs.add(new JobLineage(d.name(), reads, writes));
        }
        return new Catalog(jobs, tables);
    }

    private static String keep(Map<String, LineageTable> tables, LineageTable t) {
        tables.putIfAbsent(t.name(), t);
        return t.name();
    }

    public String graph(Session s) {
        Catalog c = catalog(s);
        Html h = new Html();
        if (c.jobs().isEmpty()) {
            return h.el(
                            "p",
                            "class=\"muted\"",
                            "No deployment has stored lineage yet: the build stores it with PUT"
                                    + " /v1/deployments/{name}/lineage/{version}.")
                    .toString();
        }
        h.raw("<p class=\"muted\">Tables (rounded) and the jobs between them, left to right;")
                .raw(" click a node for its page.</p><div class=\"graph\">")
                .raw(LineageGraph.layout(c.jobs()).svg())
                .raw("</div>");
        return h.toString();
    }

    public String table(Session s, String name) {
        Catalog c = catalog(s);
        LineageTable t = c.tables().get(name);
        Html h = new Html();
        if (t == null) {
            return h.el("p", "class=\"muted\"", "No job's lineage names table " + name + ".")
                    .toString();
        }
        h.raw("<section class=\"card\"><dl class=\"fields\">");
        JobPage.field(h, "Name", "t-name", name);
        JobPage.field(h, "Location", "t-location", t.location());
        JobPage.field(h, "Owner", "t-owner", t.owner());
        JobPage.field(h, "Type", "t-type", t.connector() + " / " + t.format());
        JobPage.field(h, "Class", "t-class", t.declaredBy());
        h.raw("</dl></section>");
        list(
                h,
                "Written by",
                "writers",
                c.jobs().stream().filter(j -> j.writes().contains(name)).toList());
        list(
                h,
                "Read by",
                "readers",
                c.jobs().stream().filter(j -> j.reads().contains(name)).toList());
        return h.toString();
    }

    private static void list(Html h, String title, String id, List<JobLineage> jobs) {
        h.raw("<section class=\"card\">").el("h2", "", title).raw("<ul id=\"" + id + "\">");
        for (JobLineage j : jobs) {
            h.raw("<li>").link("/jobs/" + Html.path(j.job()), j.job()).raw("</li>");
        }
        if (jobs.isEmpty()) {
            h.el("li", "class=\"muted\"", "none");
        }
        h.raw("</ul></section>");
    }
}
