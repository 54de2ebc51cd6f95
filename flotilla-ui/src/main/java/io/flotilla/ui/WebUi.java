package io.flotilla.ui;

import static io.flotilla.ui.PageHandler.PageResponse.html;
import static io.flotilla.ui.PageHandler.PageResponse.redirect;
import static io.flotilla.ui.PageHandler.PageResponse.text;

import io.flotilla.http.ApiCallException;
import io.flotilla.http.ApiException;
import io.flotilla.http.ApiUnreachableException;
import io.flotilla.http.PageRoutes;
import io.flotilla.http.Principal;
import io.flotilla.ui.Sessions.Session;
import io.flotilla.ui.api.Clients;
import io.flotilla.ui.html.Html;
import io.flotilla.ui.html.Layout;
import io.flotilla.ui.pages.ClusterPage;
import io.flotilla.ui.pages.EventsPage;
import io.flotilla.ui.pages.FlinkWeb;
import io.flotilla.ui.pages.JobListPage;
import io.flotilla.ui.pages.JobLogs;
import io.flotilla.ui.pages.JobPage;
import io.flotilla.ui.pages.LineagePages;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web UI's router: log in and out (through {@link Login}, which records both in the audit log),
 * the pages, the job actions (each a POST with the session's CSRF token, forwarded to the API with
 * the user's token, so the API checks the role and records who in its audit log), and the static
 * assets. Mounted on the API's Javalin server through {@link PageRoutes}: only the UI's own paths
 * are registered, so the API keeps {@code /v1}.
 */
public final class WebUi implements PageRoutes, PageHandler {

    private static final Logger LOG = LoggerFactory.getLogger(WebUi.class);
    private static final List<String> PATHS =
            List.of(
                    "/",
                    "/login",
                    "/logout",
                    "/jobs",
                    "/jobs/*",
                    "/clusters/*",
                    "/lineage",
                    "/tables/*",
                    "/events",
                    "/assets/*");

    private static final Pattern JOB = Pattern.compile("/jobs/([^/]+)(/[a-z-]+)?");

    private final Login login;
    private final Clients api;
    private final Assets assets = new Assets();
    private final JobListPage jobList;
    private final JobPage jobPage;
    private final JobLogs jobLogs;
    private final ClusterPage clusterPage;
    private final LineagePages lineage;
    private final EventsPage eventsPage;

    /**
     * @param authenticate the principal of an API token, or an {@link ApiException} 401
     * @param apiBase the supervisor API's address, which the UI calls with the user's token
     * @param audit where logging in and out is recorded (the supervisor's audit log)
     */
    public WebUi(
            Function<String, Principal> authenticate,
            Sessions sessions,
            Supplier<URI> apiBase,
            UiAudit audit) {
        this.login = new Login(authenticate, sessions, audit);
        this.api = new Clients(apiBase);
        this.jobList = new JobListPage(api);
        this.jobPage = new JobPage(api, new FlinkWeb(api));
        this.jobLogs = new JobLogs(api);
        this.clusterPage = new ClusterPage(api);
        this.lineage = new LineagePages(api);
        this.eventsPage = new EventsPage(api);
    }

    @Override
    public void register(JavalinConfig config) {
        for (String path : PATHS) {
            for (HandlerType t : List.of(HandlerType.GET, HandlerType.POST)) {
                config.routes.addHttpHandler(t, path, this::serve);
            }
        }
    }

    /** Adapts Javalin's request and response to the router's plain records. */
    private void serve(Context ctx) {
        Map<String, String> headers = new LinkedHashMap<>();
        ctx.headerMap().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v));
        Map<String, String> query = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((k, v) -> query.put(k, v.isEmpty() ? "" : v.get(0)));
        String method = ctx.req().getMethod();
        PageResponse r;
        try {
            r =
                    handle(
                            new PageRequest(
                                    method,
                                    ctx.path(),
                                    query,
                                    headers,
                                    ctx.bodyAsBytes(),
                                    "https".equals(ctx.scheme())));
        } catch (ApiException e) {
            r = text(e.status(), e.getMessage());
        } catch (RuntimeException e) {
            String id = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("{} {} failed (error id {})", method, ctx.path(), id, e);
            r = text(500, "internal error " + id + "; the supervisor's log has it");
        }
        ctx.status(r.status());
        ctx.contentType(r.contentType());
        for (Map.Entry<String, String> h : r.headers()) {
            ctx.res().addHeader(h.getKey(), h.getValue());
        }
        ctx.result(r.body());
    }

    @Override
    public PageResponse handle(PageRequest r) {
        String path = r.path();
        if (path.startsWith("/assets/")) {
            return assets.serve(path.substring(8));
        }
        if (path.equals("/login")) {
            return login.handle(r);
        }
        Session s = login.session(r).orElse(null);
        if (s == null) {
            if (r.method().equals("GET") && r.header("hx-request") == null) {
                return redirect("/login", List.of());
            }
            return text(401, "not logged in (or the session expired): log in at /login");
        }
        if (!r.method().equals("GET")) {
            Map<String, String> form = form(r.body());
            String given = r.header("x-csrf-token");
            if (!s.csrfMatches(given != null ? given : form.get("_csrf"))) {
                return text(403, "missing or wrong CSRF token: reload the page and try again");
            }
            return post(r, s, form);
        }
        try {
            return get(r, s, path);
        } catch (ApiCallException e) {
            return error(s, e.status(), e.getMessage());
        } catch (ApiUnreachableException e) {
            return error(s, 502, "the supervisor's API did not answer: " + e.getMessage());
        }
    }

    private static PageResponse error(Session s, int status, String message) {
        return html(
                status,
                Layout.page(
                        "Error " + status,
                        s,
                        null,
                        "<p class=\"error\">" + Html.escape(message) + "</p>"),
                List.of());
    }

    private PageResponse get(PageRequest r, Session s, String path) {
        boolean htmx = r.header("hx-request") != null;
        if (path.equals("/") || path.isEmpty()) {
            return redirect("/jobs", List.of());
        }
        if (path.equals("/jobs")) {
            boolean rows = htmx && "rows".equals(r.query().get("fragment"));
            String body = jobList.render(s, r.query(), rows);
            return rows ? fragment(body) : page("Jobs", s, body);
        }
        Matcher m = JOB.matcher(path);
        if (m.matches()) {
            String name = decode(m.group(1));
            if ("/live".equals(m.group(2))) {
                return fragment(jobPage.live(s, name));
            }
            if ("/logs".equals(m.group(2))) {
                return fragment(jobLogs.logs(s, name, r.query()));
            }
            if ("/exceptions".equals(m.group(2))) {
                return fragment(jobLogs.exceptions(s, name));
            }
            if (m.group(2) == null) {
                return page(name, s, jobPage.render(s, name));
            }
        }
        if (path.startsWith("/clusters/")) {
            String name = decode(path.substring(10));
            return page("Cluster " + name, s, clusterPage.render(s, name));
        }
        if (path.equals("/lineage")) {
            return page("Lineage", s, lineage.graph(s));
        }
        if (path.startsWith("/tables/")) {
            String name = decode(path.substring(8));
            return page("Table " + name, s, lineage.table(s, name));
        }
        if (path.equals("/events")) {
            return page("Events", s, eventsPage.render(s, r.query()));
        }
        return html(404, Layout.page("Not found", s, null, "<p>No such page.</p>"), List.of());
    }

    private PageResponse post(PageRequest r, Session s, Map<String, String> form) {
        if (r.path().equals("/logout")) {
            return login.logout(r, s);
        }
        Matcher m = JOB.matcher(r.path());
        if (!m.matches()
                || m.group(2) == null
                || !JobActions.ACTIONS.contains(m.group(2).substring(1))) {
            return text(404, "no such action: " + r.path());
        }
        String name = decode(m.group(1));
        String action = m.group(2).substring(1);
        try {
            JobActions.act(api.of(s), name, action, form);
            s.flash(action.replace('-', ' ') + " of " + name + " requested");
        } catch (ApiCallException e) {
            s.flash(action + " refused (" + e.status() + " " + e.code() + "): " + e.getMessage());
        } catch (ApiUnreachableException e) {
            s.flash(action + " failed: the supervisor's API did not answer");
        } catch (IllegalArgumentException e) {
            s.flash(action + " refused: " + e.getMessage());
        }
        return redirect("/jobs/" + Html.path(name), List.of());
    }

    private PageResponse page(String title, Session s, String body) {
        return html(200, Layout.page(title, s, s.takeFlash(), body), List.of());
    }

    private static PageResponse fragment(String body) {
        return html(200, body, List.of());
    }

    static Map<String, String> form(byte[] body) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = new String(body, StandardCharsets.UTF_8);
        if (raw.isBlank() || raw.startsWith("{")) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
