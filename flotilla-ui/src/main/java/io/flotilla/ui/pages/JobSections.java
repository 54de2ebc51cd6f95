package io.flotilla.ui.pages;

import static io.flotilla.ui.html.Layout.text;
import static io.flotilla.ui.html.Layout.when;

import io.flotilla.http.Role;
import io.flotilla.supervisor.api.DeploymentView;
import io.flotilla.supervisor.api.EventView;
import io.flotilla.supervisor.api.Lineage;
import io.flotilla.supervisor.api.LineageTable;
import io.flotilla.supervisor.api.ReleaseView;
import io.flotilla.supervisor.api.RetentionView;
import io.flotilla.supervisor.api.StateView;
import io.flotilla.supervisor.api.StatusView;
import io.flotilla.supervisor.api.StoredKind;
import io.flotilla.supervisor.api.StoredStateView;
import io.flotilla.ui.Sessions.Session;
import io.flotilla.ui.html.Html;
import io.flotilla.ui.html.Layout;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The job page's lower sections: tables, state, releases and events. */
final class JobSections {

    /**
     * The checkpoints and savepoints the deployment knows: each path with when it was taken (null
     * when the audit log does not say), which are pinned, and the retention.
     */
    record Known(
            Map<String, Instant> taken,
            List<String> pinned,
            RetentionView retention,
            List<StoredStateView> stored,
            List<String> unlisted) {
        List<String> paths() {
            return List.copyOf(taken.keySet());
        }
    }

    static Known known(DeploymentView d, StateView state, List<EventView> events) {
        Map<String, Instant> taken = new LinkedHashMap<>();
        for (EventView e : events) {
            String m = text(e.message());
            int i = m.indexOf(" stopped with ");
            if ("SavepointCompleted".equals(e.type()) && i > 0) {
                taken.put(m.substring(i + 14).strip(), e.at());
            }
        }
        StatusView st = d.status();
        for (String p :
                new String[] {st.lastSavepoint(), st.lastCheckpoint(), st.newestRestorable()}) {
            if (p != null && !p.isEmpty()) {
                taken.putIfAbsent(p, null);
            }
        }
        List<String> pinned = state.pinned() == null ? List.of() : state.pinned();
        pinned.forEach(p -> taken.putIfAbsent(p, null));
        List<StoredStateView> stored = state.stored() == null ? List.of() : state.stored();
        stored.stream()
                .filter(StoredStateView::complete)
                .forEach(s -> taken.putIfAbsent(s.path(), s.time()));
        return new Known(
                taken,
                pinned,
                state.retention(),
                stored,
                state.unlisted() == null ? List.of() : state.unlisted());
    }

    /** The tables the running version reads and writes, from its stored lineage. */
    void lineage(Html h, Lineage doc, String name, String version, String module) {
        if (doc == null) {
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
        tables(h, "Reads from", "reads", doc.reads(), module);
        tables(h, "Writes to", "writes", doc.writes(), module);
        h.raw("</section>");
    }

    private static void tables(
            Html h, String title, String id, List<LineageTable> list, String module) {
        h.el("h2", "", title)
                .raw("<table id=\"")
                .text(id)
                .raw("\"><thead><tr><th>table</th><th>location</th><th>owner</th>")
                .raw(
                        "<th>type</th><th>module</th><th>class</th><th>links</th></tr></thead><tbody>");
        for (LineageTable t : list == null ? List.<LineageTable>of() : list) {
            h.raw("<tr><td>")
                    .link("/tables/" + Html.path(t.name()), t.name())
                    .raw("</td>")
                    .el("td", "", t.location())
                    .el("td", "", t.owner())
                    .el("td", "", t.connector() + " / " + t.format())
                    .el("td", "", module)
                    .el("td", "", t.declaredBy())
                    .raw("<td>")
                    .link("/tables/" + Html.path(t.name()), "readers and writers")
                    .raw(" · ")
                    .link("/lineage#t-" + Html.path(t.name()), "lineage")
                    .raw("</td></tr>");
        }
        h.raw("</tbody></table>");
    }

    /** Checkpoints and savepoints the deployment knows, with age, and which are pinned and why. */
    void state(Html h, Session s, DeploymentView d, Known known, Instant now) {
        h.raw("<section class=\"card\" id=\"state\"><h2>Checkpoints and savepoints</h2>")
                .raw("<table id=\"savepoints\"><thead><tr><th>kind</th><th>path</th>")
                .raw("<th>taken</th><th>size</th><th>pinned</th></tr></thead><tbody>");
        Set<String> shown = new HashSet<>();
        for (StoredStateView st : known.stored()) {
            shown.add(st.path());
            h.raw("<tr>")
                    .el("td", "", st.kind() == StoredKind.SAVEPOINT ? "savepoint" : "checkpoint")
                    .el("td", "class=\"path\"", st.path())
                    .el("td", "", when(st.time(), now))
                    .el(
                            "td",
                            "class=\"size\"",
                            st.complete() ? bytes(st.size()) : bytes(st.size()) + " (incomplete)")
                    .el("td", "", known.pinned().contains(st.path()) ? why(st.path(), d) : "no")
                    .raw("</tr>");
        }
        boolean listed = known.unlisted().isEmpty();
        for (var e : known.taken().entrySet()) {
            String path = e.getKey();
            if (shown.contains(path)) {
                continue;
            }
            String kind = path.contains("/chk-") ? "checkpoint" : "savepoint";
            h.raw("<tr>")
                    .el("td", "", kind)
                    .el("td", "class=\"path\"", path)
                    .el("td", "", when(e.getValue(), now))
                    .el("td", "class=\"muted\"", listed ? "not in the store" : "not listed")
                    .el("td", "", known.pinned().contains(path) ? why(path, d) : "no")
                    .raw("</tr>");
        }
        h.raw("</tbody></table>");
        long total = known.stored().stream().mapToLong(StoredStateView::size).sum();
        h.el(
                "p",
                "class=\"muted\"",
                "Retention: "
                        + retention(known.retention())
                        + ". In the store: "
                        + known.stored().size()
                        + " checkpoints and savepoints, "
                        + bytes(total)
                        + ".");
        for (String u : known.unlisted()) {
            h.el("p", "class=\"warn\"", "Not listed: " + u);
        }
        if (Layout.may(s, Role.OPERATOR)) {
            Attention.fromSavepoint(h, s, d, known.paths(), "from-savepoint", "start-from");
        }
        h.raw("</section>");
    }

    /** Bytes in the unit that keeps the number short: 512 B, 3.4 KiB, 12.0 MiB. */
    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n / 1024.0;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }

    private static String retention(RetentionView r) {
        Integer keep = r == null ? null : r.keepSavepoints();
        Object age = r == null ? null : r.maxAge();
        Object every = r == null ? null : r.savepointEvery();
        return (keep == null ? "platform default count" : "keep " + keep + " savepoints")
                + ", "
                + (age == null ? "platform default age" : "at least " + age)
                + (every == null ? "" : "; a savepoint every " + every + " while running");
    }

    private static String why(String path, DeploymentView d) {
        StatusView st = d.status();
        List<String> reasons = new ArrayList<>();
        if (path.equals(st.lastSavepoint())) {
            reasons.add("newest savepoint");
        }
        if (path.equals(st.lastCheckpoint())) {
            reasons.add("newest checkpoint");
        }
        if (path.equals(st.newestRestorable())) {
            reasons.add("newest restorable state");
        }
        if (path.equals(d.spec().restoreFrom())) {
            reasons.add("chosen to start from");
        }
        if (st.release() != null && path.equals(st.release().savepoint())) {
            reasons.add("release in progress");
        }
        return reasons.isEmpty() ? "yes" : "yes: " + String.join(", ", reasons);
    }

    void releases(Html h, List<ReleaseView> releases, Instant now) {
        h.raw("<section class=\"card\" id=\"releases\"><h2>Release history</h2>")
                .raw("<table><thead><tr><th>result</th><th>when</th><th>who</th>")
                .raw("<th>what (version, savepoint, reason)</th></tr></thead><tbody>");
        for (ReleaseView e : releases) {
            String what = e.reason();
            if (e.savepoint() != null) {
                what = "from version " + e.fromVersion() + ", savepoint " + e.savepoint();
            }
            h.row(e.status(), when(e.at() == null ? e.startedAt() : e.at(), now), e.who(), what);
        }
        h.raw("</tbody></table></section>");
    }

    void events(Html h, List<EventView> events, Instant now) {
        h.raw("<section class=\"card\" id=\"events\"><h2>Events</h2>")
                .raw("<table><thead><tr><th>when</th><th>who</th><th>kind</th><th>what</th>")
                .raw("</tr></thead><tbody>");
        int from = Math.max(0, events.size() - 100);
        for (int i = events.size() - 1; i >= from; i--) {
            EventView e = events.get(i);
            h.row(when(e.at(), now), e.who(), e.type(), e.message());
        }
        h.raw("</tbody></table></section>");
    }
}
