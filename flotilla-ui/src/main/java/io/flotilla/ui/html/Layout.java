package io.flotilla.ui.html;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.http.Role;
import io.flotilla.ui.Sessions.Session;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

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
    public static String badge(String phase) {
        String p = phase == null || phase.isBlank() ? "UNKNOWN" : phase;
        return "<span class=\"badge phase-"
                + Html.escape(p.toLowerCase(java.util.Locale.ROOT))
                + "\">"
                + Html.escape(p)
                + "</span>";
    }

    /** A field's text, or "" when absent or null. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    /** An ISO instant as {@code 2026-12-01 14:03:12Z (5 min ago)}. */
    public static String when(String iso, Instant now) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        try {
            Instant at = Instant.parse(iso);
            String t = iso.substring(0, Math.min(19, iso.length())).replace('T', ' ') + "Z";
            return t + " (" + age(Duration.between(at, now)) + " ago)";
        } catch (DateTimeParseException e) {
            return iso;
        }
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
