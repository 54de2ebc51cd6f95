package io.flotilla.ui;

import io.flotilla.http.ApiException;
import io.flotilla.http.Principal;
import io.flotilla.ui.PageHandler.PageRequest;
import io.flotilla.ui.PageHandler.PageResponse;
import io.flotilla.ui.Sessions.Session;
import io.flotilla.ui.html.Html;
import io.flotilla.ui.html.Layout;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web UI's log in and out: the login page, a token checked by the API's own authentication into
 * a session cookie, the session a request's cookie names, and logging out; both steps are recorded
 * in the audit log through {@link UiAudit}.
 */
final class Login {

    private static final Logger LOG = LoggerFactory.getLogger(Login.class);
    static final String COOKIE = "flotilla_session";

    private final Function<String, Principal> authenticate;
    private final Sessions sessions;
    private final UiAudit audit;

    /**
     * @param authenticate the principal of an API token, or an {@link ApiException} 401
     * @param audit where logging in and out is recorded (the supervisor's audit log)
     */
    Login(Function<String, Principal> authenticate, Sessions sessions, UiAudit audit) {
        this.authenticate = authenticate;
        this.sessions = sessions;
        this.audit = audit;
    }

    /** {@code /login}: the page on GET, the token posted checked on POST. */
    PageResponse handle(PageRequest r) {
        return r.method().equals("POST") ? login(r) : PageResponse.html(200, page(null), List.of());
    }

    /** The live session the request's cookie names, if any. */
    Optional<Session> session(PageRequest r) {
        return sessions.find(cookie(r));
    }

    /** {@code POST /logout}: the session ended, its cookie cleared, back to the login page. */
    PageResponse logout(PageRequest r, Session s) {
        sessions.end(s.id());
        audit.record(s.principal().name(), "LoggedOut", "logged out of the web UI");
        return PageResponse.redirect(
                "/login", List.of(Map.entry("Set-Cookie", cookieHeader("", 0, r))));
    }

    private PageResponse login(PageRequest r) {
        String token = WebUi.form(r.body()).getOrDefault("token", "").strip();
        Principal p;
        try {
            p = authenticate.apply(token.isEmpty() ? null : "Bearer " + token);
        } catch (ApiException e) {
            // Not in the audit log: anyone can send these, and the log would fill with them.
            LOG.warn("web UI login refused: {}", e.getMessage());
            return PageResponse.html(
                    401, page("That token is not valid here: " + e.getMessage()), List.of());
        }
        Session s = sessions.create(token, p);
        audit.record(p.name(), "LoggedIn", "logged in to the web UI as " + p.role().label());
        long age = sessions.idle().getSeconds();
        return PageResponse.redirect(
                "/jobs", List.of(Map.entry("Set-Cookie", cookieHeader(s.id(), age, r))));
    }

    private static String cookieHeader(String value, long maxAge, PageRequest r) {
        return COOKIE
                + "="
                + value
                + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
                + maxAge
                + (r.secure() ? "; Secure" : "");
    }

    private static String page(String error) {
        Html h = new Html();
        h.raw("<form method=\"post\" action=\"/login\" class=\"login\">");
        if (error != null) {
            h.el("p", "class=\"error\" id=\"login-error\"", error);
        }
        h.raw("<label>API token <input type=\"password\" name=\"token\" id=\"token\"")
                .raw(" autocomplete=\"off\" required></label> <button id=\"login\">Log in</button>")
                .raw("<p class=\"muted\">Use your token from the supervisor's tokens file")
                .raw(" (locally: conf/supervisor.token in the run folder).</p></form>");
        return Layout.page("Log in", null, null, h.toString());
    }

    static String cookie(PageRequest r) {
        String header = r.header("cookie");
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            String p = part.strip();
            if (p.startsWith(COOKIE + "=")) {
                return p.substring(COOKIE.length() + 1);
            }
        }
        return null;
    }
}
