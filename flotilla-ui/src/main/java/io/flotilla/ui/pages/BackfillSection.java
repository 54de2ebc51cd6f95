package io.flotilla.ui.pages;

import static io.flotilla.ui.html.Layout.when;

import io.flotilla.http.Role;
import io.flotilla.supervisor.api.BackfillStatus;
import io.flotilla.supervisor.api.BackfillView;
import io.flotilla.ui.Sessions.Session;
import io.flotilla.ui.html.Html;
import io.flotilla.ui.html.Layout;
import java.time.Instant;
import java.util.List;

/**
 * The job page's backfills: the deployment's batch re-runs over a range with their status, and for
 * operators the form that starts one (from, to, optional into table).
 */
final class BackfillSection {

    private BackfillSection() {}

    static void render(Html h, Session s, List<BackfillView> all, String name, Instant now) {
        h.raw("<section class=\"card\" id=\"backfills\"><h2>Backfills</h2>");
        if (Layout.may(s, Role.OPERATOR)) {
            JobPage.formOpen(
                    h,
                    s,
                    "/jobs/" + Html.path(name) + "/backfill",
                    "Re-run "
                            + name
                            + " as a batch over this range? The streaming job keeps running and"
                            + " its state is not touched.",
                    "");
            h.raw("<label>From <input name=\"from\" id=\"backfill-from\" required")
                    .raw(" placeholder=\"2026-01-01T00:00:00Z\"></label> ")
                    .raw("<label>To <input name=\"to\" id=\"backfill-to\" required")
                    .raw(" placeholder=\"2026-01-01T01:00:00Z\"></label> ")
                    .raw("<label>Into <input name=\"into\" id=\"backfill-into\"")
                    .raw(" placeholder=\"(the job's sink)\"></label> ")
                    .raw("<button id=\"backfill\" class=\"btn-backfill\">Backfill</button></form>");
        }
        h.raw("<table id=\"backfill-runs\"><thead><tr><th>#</th><th>status</th><th>range</th>")
                .raw("<th>into</th><th>cluster</th><th>JobID</th><th>who</th><th>started</th>")
                .raw("<th>ended</th><th>error</th><th></th></tr></thead><tbody>");
        boolean operator = Layout.may(s, Role.OPERATOR);
        for (BackfillView b : all) {
            h.raw("<tr>");
            for (Object cell :
                    new Object[] {
                        b.id(),
                        b.status(),
                        "[" + b.from() + ", " + b.to() + ")",
                        b.into() == null ? "(its sink)" : b.into(),
                        b.cluster(),
                        b.jobId(),
                        b.requestedBy(),
                        when(b.started(), now),
                        b.ended() == null ? "" : when(b.ended(), now),
                        b.error()
                    }) {
                h.el("td", "", cell);
            }
            h.raw("<td>");
            if (b.status() == BackfillStatus.RUNNING && b.cancelRequestedBy() != null) {
                h.text("cancelling (asked by " + b.cancelRequestedBy() + ")");
            } else if (b.status() == BackfillStatus.RUNNING && operator) {
                cancelButton(h, s, name, b.id());
            }
            h.raw("</td></tr>");
        }
        if (all.isEmpty()) {
            h.raw("<tr><td colspan=\"11\">No backfill yet.</td></tr>");
        }
        h.raw("</tbody></table></section>");
    }

    /** A running backfill's Cancel, confirmed as the page's other dangerous buttons. */
    private static void cancelButton(Html h, Session s, String name, long id) {
        JobPage.formOpen(
                h,
                s,
                "/jobs/" + Html.path(name) + "/backfill-cancel",
                "Cancel backfill "
                        + id
                        + " of "
                        + name
                        + "? Its batch job is cancelled; rows it wrote stay. The streaming job"
                        + " keeps running.",
                "<input type=\"hidden\" name=\"id\" value=\"" + id + "\">");
        h.raw("<button id=\"backfill-cancel-" + id + "\" class=\"btn-danger\">")
                .raw("Cancel</button></form>");
    }
}
