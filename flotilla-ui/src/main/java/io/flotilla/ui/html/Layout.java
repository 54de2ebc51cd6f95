package io.flotilla.ui.html;

import io.flotilla.http.Role;
import io.flotilla.supervisor.api.Phase;
import io.flotilla.ui.Sessions.Session;
import java.time.Duration;
import java.time.Instant;

/** The frame every page shares (header, navigation, who is logged in) and small formatters. */
public final class Layout {

    private Layout() {}

    /** A whole page: {@code body} is markup built with {@link Html}. */
    public static String page(String title, Session session, String flash, String body) {
        Html h = new Html();
        h.raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .el("title", "", title + " · Flotilla")
                .raw("<link rel=\"stylesheet\" href=\"/assets/flotilla.css\">")
                .raw("<script src=\"/assets/htmx.min.js\" defer></script>")
                .raw("</head><body");
        if (session != null) {
            // htmx sends the CSRF token with every request it makes.
            h.raw(" hx-headers='{\"X-CSRF-Token\": \"").text(session.csrf()).raw("\"}'");
        }
        h.raw("><header><a class=\"brand\" href=\"/jobs\">Flotilla</a>");
        if (session != null) {
            h.raw("<nav><a href=\"/jobs\">Jobs</a><a href=\"/lineage\">Lineage</a>")
                    .raw("<a href=\"/events\">Events</a></nav>")
                    .raw("<span class=\"who\">")
                    .text(session.principal().name())
                    .raw(" (")
                    .text(session.principal().role().label())
                    .raw(")</span>")
                    .raw("<form method=\"post\" action=\"/logout\" class=\"inline\">")
                    .raw(csrfField(session))
                    .raw("<button id=\"logout\">Log out</button></form>");
        }
        h.raw("</header><main>");
        if (flash != null) {
            h.el("p", "class=\"flash\" id=\"flash\"", flash);
        }
        h.el("h1", "", title);
        h.raw(body).raw("</main></body></html>");
        return h.toString();
    }

    public static String csrfField(Session session) {
        return "<input type=\"hidden\" name=\"_csrf\" value=\""
                + Html.escape(session.csrf())
                + "\">";
    }

    public static boolean may(Session s, Role role) {
        return s.principal().role().allows(role);
    }

    /** A phase as a coloured badge. */
    public static String badge(Phase phase) {
        String p = phase == null ? "UNKNOWN" : phase.name();
        return "<span class=\"badge phase-"
                + p.toLowerCase(java.util.Locale.ROOT)
                + "\">"
                + p
                + "</span>";
    }

    /** A value as text, or "" when absent. */
    public static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** An instant as {@code 2026-12-01 14:03:12Z (5 min ago)}, or "" when absent. */
    public static String when(Instant at, Instant now) {
        if (at == null) {
            return "";
        }
        String iso = at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        return iso.replace('T', ' ') + " (" + age(Duration.between(at, now)) + " ago)";
    }

    public static String age(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return s / 60 + " min";
        }
        if (s < 172800) {
            return s / 3600 + " h";
        }
        return s / 86400 + " d";
    }
}
