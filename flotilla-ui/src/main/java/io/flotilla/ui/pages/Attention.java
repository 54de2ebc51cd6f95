package io.flotilla.ui.pages;

import static io.flotilla.ui.html.Layout.csrfField;
import static io.flotilla.ui.html.Layout.when;

import io.flotilla.http.Role;
import io.flotilla.supervisor.api.AttentionView;
import io.flotilla.supervisor.api.DeploymentView;
import io.flotilla.supervisor.api.Phase;
import io.flotilla.ui.Sessions.Session;
import io.flotilla.ui.html.Html;
import io.flotilla.ui.html.Layout;
import java.time.Instant;
import java.util.List;

/**
 * What a deployment that needs attention shows: why the supervisor stopped retrying, since when,
 * the operator's options, and for an operator the actions that resolve it (start from a chosen
 * savepoint, start stateless), each sent with the generation the page showed.
 */
final class Attention {

    private Attention() {}

    static void section(Html h, Session s, DeploymentView d, List<String> known, Instant now) {
        AttentionView a = d.status().attention();
        if (a == null && d.phase() != Phase.NEEDS_ATTENTION) {
            return;
        }
        h.raw("<section class=\"card attention\" id=\"attention\"><h2>Needs attention</h2>");
        if (a == null) {
            h.el("p", "id=\"attention-cause\"", d.status().error());
        } else {
            h.el("p", "id=\"attention-cause\"", a.cause())
                    .el(
                            "p",
                            "class=\"muted\"",
                            "Retrying stopped "
                                    + when(a.since(), now)
                                    + " at generation "
                                    + a.generation()
                                    + "; any change of the spec is tried again.");
            h.raw("<ul id=\"attention-options\">");
            for (String o : a.options()) {
                h.el("li", "", o);
            }
            h.raw("</ul>");
        }
        if (Layout.may(s, Role.OPERATOR)) {
            // The start point that failed is no choice to offer again.
            List<String> choices =
                    known.stream().filter(p -> !p.equals(d.spec().restoreFrom())).toList();
            fromSavepoint(h, s, d, choices, "attention-savepoint", "attention-start-from");
            JobPage.formOpen(
                    h,
                    s,
                    "/jobs/" + Html.path(d.name()) + "/start-stateless",
                    "Start "
                            + d.name()
                            + " with empty state? Its upgrade mode becomes STATELESS, and its"
                            + " state so far is not used.",
                    generation(d));
            h.raw("<button id=\"start-stateless\" class=\"btn-restart\">Start stateless</button>")
                    .raw("</form>");
        }
        h.raw("</section>");
    }

    /**
     * The form that starts the deployment from a savepoint: one of {@code known} or any path typed
     * in (a deployment that needs attention may know none).
     */
    static void fromSavepoint(
            Html h, Session s, DeploymentView d, List<String> known, String id, String button) {
        h.raw("<form method=\"post\" id=\"")
                .text(id)
                .raw("\" action=\"/jobs/")
                .text(Html.path(d.name()))
                .raw("/start-from-savepoint\" onsubmit=\"return confirm(")
                .raw("'Start from the chosen savepoint?')\">")
                .raw(csrfField(s))
                .raw(generation(d))
                .raw("<label>Start from <input name=\"savepoint\" required size=\"60\" id=\"")
                .text(id + "-path")
                .raw("\" list=\"")
                .text(id + "-known")
                .raw("\" value=\"")
                .text(known.isEmpty() ? "" : known.get(0))
                .raw("\"></label><datalist id=\"")
                .text(id + "-known")
                .raw("\">");
        for (String p : known) {
            h.raw("<option value=\"").text(p).raw("\">");
        }
        h.raw("</datalist> <button id=\"")
                .text(button)
                .raw("\">Start from savepoint</button></form>");
    }

    /** The generation the page showed, so a change made meanwhile is refused, not overwritten. */
    private static String generation(DeploymentView d) {
        return "<input type=\"hidden\" name=\"generation\" value=\"" + d.generation() + "\">";
    }
}
