package io.flotilla.ui.lineage;

import io.flotilla.ui.html.Html;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lineage of all jobs as a layered left-to-right graph: tables and jobs are nodes, a job's
 * reads are edges into it and its writes edges out of it; each node sits one layer right of the
 * furthest node feeding it (cycles are cut after as many rounds as there are nodes). Drawn as SVG
 * on the server, each node a link to its page.
 */
public final class LineageGraph {

    /** What one deployment reads and writes. */
    public record JobLineage(String job, List<String> reads, List<String> writes) {}

    public enum Kind {
        JOB,
        TABLE
    }

    /** A placed node: its kind, name, layer and position of its top-left corner. */
    public record Node(Kind kind, String name, int layer, int x, int y) {
        public String key() {
            return (kind == Kind.JOB ? "j:" : "t:") + name;
        }
    }

    public record Edge(String from, String to) {}

    static final int WIDTH = 170;
    static final int HEIGHT = 34;
    static final int COLUMN = 230;
    static final int ROW = 52;
    static final int MARGIN = 20;

    private final Map<String, Node> nodes;
    private final List<Edge> edges;

    private LineageGraph(Map<String, Node> nodes, List<Edge> edges) {
        this.nodes = nodes;
        this.edges = edges;
    }

    public static LineageGraph layout(List<JobLineage> jobs) {
        Map<String, Kind> kinds = new LinkedHashMap<>();
        List<Edge> edges = new ArrayList<>();
        for (JobLineage j : jobs) {
            String job = "j:" + j.job();
            kinds.put(job, Kind.JOB);
            for (String t : j.reads()) {
                kinds.putIfAbsent("t:" + t, Kind.TABLE);
                edges.add(new Edge("t:" + t, job));
            }
            for (String t : j.writes()) {
                kinds.putIfAbsent("t:" + t, Kind.TABLE);
                edges.add(new Edge(job, "t:" + t));
            }
        }
        Map<String, Integer> layer = new HashMap<>();
        kinds.keySet().forEach(k -> layer.put(k, 0));
        for (int round = 0; round < kinds.size(); round++) {
            boolean moved = false;
            for (Edge e : edges) {
                int want = layer.get(e.from()) + 1;
                if (layer.get(e.to()) < want) {
                    layer.put(e.to(), want);
                    moved = true;
                }
            }
            if (!moved) {
                break;
            }
        }
        Map<Integer, List<String>> columns = new java.util.TreeMap<>();
        kinds.keySet()
                .forEach(k -> columns.computeIfAbsent(layer.get(k), x -> new ArrayList<>()).add(k));
        Map<String, Node> placed = new LinkedHashMap<>();
        columns.forEach(
                (col, keys) -> {
                    keys.sort(Comparator.naturalOrder());
                    for (int i = 0; i < keys.size(); i++) {
                        String k = keys.get(i);
                        placed.put(
                                k,
                                new Node(
                                        kinds.get(k),
                                        k.substring(2),
                                        col,
                                        MARGIN + col * COLUMN,
                                        MARGIN + i * ROW));
                    }
                });
        return new LineageGraph(placed, edges);
    }

    public Map<String, Node> nodes() {
        return nodes;
    }

    public List<Edge> edges() {
        return edges;
    }

    public int width() {
        return nodes.values().stream().mapToInt(Node::x).max().orElse(0) + WIDTH + MARGIN;
    }

    public int height() {
        return nodes.values().stream().mapToInt(Node::y).max().orElse(0) + HEIGHT + MARGIN;
    }

    /** The graph as an inline SVG element; every name escaped, every node a link. */
    public String svg() {
        Html h = new Html();
        h.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"lineage\" id=\"lineage-graph\"")
                .raw(" width=\"" + width() + "\" height=\"" + height() + "\"")
                .raw(" viewBox=\"0 0 " + width() + " " + height() + "\">")
                .raw("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\"")
                .raw(" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
                .raw("<path d=\"M 0 0 L 10 5 L 0 10 z\"/></marker></defs>");
        for (Edge e : edges) {
            Node a = nodes.get(e.from());
            Node b = nodes.get(e.to());
            int x1 = a.x() + WIDTH;
            int y1 = a.y() + HEIGHT / 2;
            int x2 = b.x();
            int y2 = b.y() + HEIGHT / 2;
            int mid = (x1 + x2) / 2;
            h.raw("<path class=\"edge\" marker-end=\"url(#arrow)\" d=\"M " + x1 + " " + y1)
                    .raw(" C " + mid + " " + y1 + ", " + mid + " " + y2 + ", " + x2 + " " + y2)
                    .raw("\"/>");
        }
        for (Node n : nodes.values()) {
            String href = (n.kind() == Kind.JOB ? "/jobs/" : "/tables/") + Html.path(n.name());
            String cls = n.kind() == Kind.JOB ? "job" : "table";
            h.raw("<a href=\"")
                    .text(href)
                    .raw("\" id=\"")
                    .text((n.kind() == Kind.JOB ? "n-j-" : "t-") + n.name())
                    .raw("\" class=\"node " + cls + "\"><rect x=\"" + n.x() + "\" y=\"" + n.y())
                    .raw("\" width=\"" + WIDTH + "\" height=\"" + HEIGHT + "\"")
                    .raw(n.kind() == Kind.TABLE ? " rx=\"17\"" : " rx=\"4\"")
                    .raw("/><text x=\"" + (n.x() + WIDTH / 2) + "\" y=\"" + (n.y() + 22) + "\">")
                    .text(shorten(n.name()))
                    .raw("</text><title>")
                    .text((n.kind() == Kind.JOB ? "job " : "table ") + n.name())
                    .raw("</title></a>");
        }
        return h.raw("</svg>").toString();
    }

    private static String shorten(String name) {
        return name.length() <= 22 ? name : name.substring(0, 21) + "…";
    }
}
