package io.flotilla.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.supervisor.model.Attention;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.model.Phase;
import io.flotilla.supervisor.model.UpgradeMode;
import io.flotilla.ui.Sessions;
import io.flotilla.ui.WebUi;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The web UI mounted on the supervisor API over the in-memory stores: log in, cookies, CSRF, roles
 * decided by the API, escaping, and a page of the job list cut on the server.
 */
class WebUiTest extends SupervisorApiFixture {

    @Override
    io.flotilla.http.PageRoutes pages() {
        return new WebUi(
                new io.flotilla.http.TokenAuth(
                                java.util.List.of(
                                        new io.flotilla.http.TokenAuth.Token(
                                                "root", io.flotilla.http.Role.ADMIN, ADMIN),
                                        new io.flotilla.http.TokenAuth.Token(
                                                "ci", io.flotilla.http.Role.OPERATOR, OPERATOR),
                                        new io.flotilla.http.TokenAuth.Token(
                                                "dashboard", io.flotilla.http.Role.VIEWER, VIEWER)))
                        ::authenticate,
                new Sessions(Clock.systemUTC(), Duration.ofMinutes(5), Duration.ofHours(1)),
                () -> api.uri(),
                (who, kind, message) ->
                        store.appendAudit(new Event("", Instant.now(), kind, message, 0, who)));
    }

    @BeforeEach
    void seed() throws Exception {
        String body = orders("orders").replace("examples/orders", "<script>alert(1)</script>");
        assertThat(call(ADMIN, "POST", "/v1/deployments", body).status()).isEqualTo(201);
    }

    record Browser(String cookie, String csrf) {}

    HttpResponse<String> send(String method, String path, String cookie, String form)
            throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(api.uri() + path))
                        .method(
                                method,
                                form == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(form))
                        .header("Content-Type", "application/x-www-form-urlencoded");
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    Browser login(String token) throws Exception {
        HttpResponse<String> r =
                send(
                        "POST",
                        "/login",
                        null,
                        "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(303);
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(set).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
        String cookie = set.substring(0, set.indexOf(';'));
        HttpResponse<String> page = send("GET", "/jobs", cookie, null);
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]+)\"").matcher(page.body());
        assertThat(m.find()).isTrue();
        return new Browser(cookie, m.group(1));
    }

    @Test
    void aWrongTokenIsRefusedAndPagesNeedALogin() throws Exception {
        assertThat(send("POST", "/login", null, "token=not-a-token-of-this-service").statusCode())
                .isEqualTo(401);
        HttpResponse<String> r = send("GET", "/jobs", null, null);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/login");
        assertThat(send("GET", "/login", null, null).body()).contains("name=\"token\"");
    }

    @Test
    void dataIsEscapedSoAScriptInAModuleShowsAsText() throws Exception {
        Browser b = login(VIEWER);
        String page = send("GET", "/jobs/orders", b.cookie(), null).body();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(page).doesNotContain("<script>alert(1)");
    }

    @Test
    void theJobPageShowsTheSpecsFlinkVersionRangeBesideTheCluster() throws Exception {
        Browser b = login(OPERATOR);
        assertThat(send("GET", "/jobs/orders", b.cookie(), null).body())
                .contains("<dt>Flink</dt><dd id=\"f-flink\">any version</dd>");
        call(
                OPERATOR,
                "PUT",
                "/v1/deployments/orders",
                "{\"expectedGeneration\": 1, \"flinkVersion\": \">=2.3\"}");
        assertThat(send("GET", "/jobs/orders", b.cookie(), null).body())
                .contains("<dt>Flink</dt><dd id=\"f-flink\">&gt;=2.3</dd>");
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        Browser b = login(OPERATOR);
        HttpResponse<String> r = send("POST", "/jobs/orders/stop", b.cookie(), "");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(
                        send("POST", "/jobs/orders/stop", b.cookie(), "_csrf=" + "0".repeat(64))
                                .statusCode())
                .isEqualTo(403);
        assertThat(store.deployment("orders").orElseThrow().spec().desiredState().name())
                .isEqualTo("RUNNING");
    }

    @Test
    void anOperatorStopsWithTheCsrfTokenAndTheAuditLogSaysWho() throws Exception {
        Browser b = login(OPERATOR);
        assertThat(send("GET", "/jobs/orders", b.cookie(), null).body()).contains("id=\"stop\"");
        HttpResponse<String> r = send("POST", "/jobs/orders/stop", b.cookie(), "_csrf=" + b.csrf());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(store.deployment("orders").orElseThrow().spec().desiredState().name())
                .isEqualTo("STOPPED");
        var last = store.events("orders", 0, 100);
        assertThat(last.get(last.size() - 1).event().who()).isEqualTo("ci");
        assertThat(send("GET", "/jobs/orders", b.cookie(), null).body())
                .contains("stop of orders requested");
    }

    @Test
    void aViewerSeesNoButtonsAndTheApiRefusesItsPostEvenWithTheCsrfToken() throws Exception {
        Browser b = login(VIEWER);
        String page = send("GET", "/jobs/orders", b.cookie(), null).body();
        assertThat(page).doesNotContain("id=\"stop\"").doesNotContain("id=\"start\"");
        send("POST", "/jobs/orders/stop", b.cookie(), "_csrf=" + b.csrf());
        assertThat(store.deployment("orders").orElseThrow().spec().desiredState().name())
                .isEqualTo("RUNNING");
        assertThat(send("GET", "/jobs/orders", b.cookie(), null).body())
                .contains("refused (403 forbidden)");
    }

    @Test
    void anOperatorStartsABackfillFromTheJobPageAndSeesItListedWithItsStatus() throws Exception {
        call(ADMIN, "POST", "/v1/deployments", BackfillApiTest.dslJob("dsl"));
        Browser b = login(OPERATOR);
        assertThat(send("GET", "/jobs/dsl", b.cookie(), null).body())
                .contains("id=\"backfill\"", "No backfill yet.");
        String range = "&from=2025-12-31T22%3A00%3A00Z&to=2025-12-31T23%3A00%3A00Z";
        assertThat(send("POST", "/jobs/dsl/backfill", b.cookie(), range).statusCode())
                .as("no CSRF token")
                .isEqualTo(403);
        assertThat(backfills.rows).isEmpty();
        HttpResponse<String> r =
                send(
                        "POST",
                        "/jobs/dsl/backfill",
                        b.cookie(),
                        "_csrf=" + b.csrf() + range + "&into=order_stats_backfill");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(backfills.only().requestedBy()).isEqualTo("ci");
        assertThat(backfills.only().into()).isEqualTo("order_stats_backfill");
        String page = send("GET", "/jobs/dsl", b.cookie(), null).body();
        assertThat(page)
                .contains("backfill of dsl requested")
                .contains("id=\"backfill-runs\"")
                .contains("RUNNING")
                .contains("[2025-12-31T22:00:00Z, 2025-12-31T23:00:00Z)");

        send("POST", "/jobs/dsl/backfill", b.cookie(), "_csrf=" + b.csrf() + "&from=x&to=y");
        assertThat(send("GET", "/jobs/dsl", b.cookie(), null).body())
                .contains("backfill refused: field &#39;from&#39; must be an ISO instant");
        send("POST", "/jobs/orders/backfill", b.cookie(), "_csrf=" + b.csrf() + range);
        assertThat(send("GET", "/jobs/orders", b.cookie(), null).body())
                .contains("backfill refused (400 not_a_dsl_job)");
        assertThat(backfills.rows).hasSize(1);
    }

    @Test
    void anOperatorCancelsARunningBackfillFromItsRowWithTheCsrfTokenAndAConfirmation()
            throws Exception {
        call(ADMIN, "POST", "/v1/deployments", BackfillApiTest.dslJob("dsl"));
        call(OPERATOR, "POST", "/v1/deployments/dsl/backfills", "{" + BackfillApiTest.RANGE + "}");
        long id = backfills.only().id();
        Browser b = login(OPERATOR);
        assertThat(send("GET", "/jobs/dsl", b.cookie(), null).body())
                .contains("id=\"backfill-cancel-" + id + "\"")
                .contains("data-confirm=\"Cancel backfill " + id + " of dsl?");
        String form = "&id=" + id;
        assertThat(send("POST", "/jobs/dsl/backfill-cancel", b.cookie(), form).statusCode())
                .as("no CSRF token")
                .isEqualTo(403);
        assertThat(backfills.only().cancelRequestedBy()).isNull();
        send("POST", "/jobs/dsl/backfill-cancel", b.cookie(), "_csrf=" + b.csrf() + form);
        assertThat(backfills.only().cancelRequestedBy()).isEqualTo("ci");
        assertThat(send("GET", "/jobs/dsl", b.cookie(), null).body())
                .contains("backfill cancel of dsl requested")
                .contains("cancelling (asked by ci)")
                .doesNotContain("id=\"backfill-cancel-" + id + "\"");
        send("POST", "/jobs/dsl/backfill-cancel", b.cookie(), "_csrf=" + b.csrf() + "&id=x");
        assertThat(send("GET", "/jobs/dsl", b.cookie(), null).body())
                .contains("backfill-cancel refused: field &#39;id&#39; must be a backfill");
    }

    @Test
    void aViewerSeesBackfillsButNoFormAndItsPostIsRefused() throws Exception {
        call(ADMIN, "POST", "/v1/deployments", BackfillApiTest.dslJob("dsl"));
        Browser b = login(VIEWER);
        String page = send("GET", "/jobs/dsl", b.cookie(), null).body();
        assertThat(page).contains("id=\"backfill-runs\"").doesNotContain("id=\"backfill\"");
        send(
                "POST",
                "/jobs/dsl/backfill",
                b.cookie(),
                "_csrf=" + b.csrf() + "&from=2025-12-31T22%3A00%3A00Z&to=2025-12-31T23%3A00%3A00Z");
        assertThat(backfills.rows).isEmpty();
        assertThat(send("GET", "/jobs/dsl", b.cookie(), null).body())
                .contains("backfill refused (403 forbidden)");
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        Browser b = login(VIEWER);
        assertThat(send("POST", "/logout", b.cookie(), "_csrf=" + b.csrf()).statusCode())
                .isEqualTo(303);
        assertThat(send("GET", "/jobs", b.cookie(), null).statusCode()).isEqualTo(303);
    }

    @Test
    void loggingInAndOutLandsInTheAuditLogWithWho() throws Exception {
        Browser b = login(VIEWER);
        send("POST", "/logout", b.cookie(), "_csrf=" + b.csrf());
        send("POST", "/login", null, "token=not-a-token-of-this-service");
        java.util.List<String> log = new java.util.ArrayList<>();
        store.events(null, 0, 1000).forEach(e -> log.add(e.event().who() + " " + e.event().type()));
        assertThat(log).contains("dashboard LoggedIn", "dashboard LoggedOut");
        assertThat(log).filteredOn(l -> l.endsWith("LoggedIn")).hasSize(1);
    }

    @Test
    void aDeploymentThatNeedsAttentionShowsWhyAndStartStatelessResolvesIt() throws Exception {
        Deployment d = store.deployment("orders").orElseThrow();
        Attention why =
                Attention.of(
                        "nothing to restore from: s3://state/gone does not exist",
                        "orders",
                        d.spec().generation(),
                        Instant.now());
        store.replaceDeployment(
                d.withStatus(
                        d.status().toBuilder()
                                .phase(Phase.NEEDS_ATTENTION)
                                .attention(why)
                                .error(why.cause())
                                .build()),
                d.spec().generation(),
                new Event("orders", Instant.now(), "NeedAttention", why.cause(), 0));
        Browser viewer = login(VIEWER);
        String seen = send("GET", "/jobs/orders", viewer.cookie(), null).body();
        assertThat(seen)
                .contains("id=\"attention\"")
                .contains("s3://state/gone does not exist")
                .contains("start stateless: PUT /v1/deployments/orders")
                .doesNotContain("id=\"start-stateless\"");
        Browser b = login(OPERATOR);
        String page = send("GET", "/jobs/orders", b.cookie(), null).body();
        assertThat(page).contains("id=\"start-stateless\"").contains("id=\"attention-savepoint\"");
        long generation = d.spec().generation();
        HttpResponse<String> r =
                send(
                        "POST",
                        "/jobs/orders/start-stateless",
                        b.cookie(),
                        "_csrf=" + b.csrf() + "&generation=" + generation);
        assertThat(r.statusCode()).isEqualTo(303);
        var spec = store.deployment("orders").orElseThrow().spec();
        assertThat(spec.upgradeMode()).isEqualTo(UpgradeMode.STATELESS);
        assertThat(spec.generation()).isGreaterThan(generation);
        var last = store.events("orders", 0, 100);
        assertThat(last.get(last.size() - 1).event().who()).isEqualTo("ci");
        // The page's generation is sent along: a second press on the same page is refused.
        send(
                "POST",
                "/jobs/orders/start-stateless",
                b.cookie(),
                "_csrf=" + b.csrf() + "&generation=" + generation);
        assertThat(send("GET", "/jobs/orders", b.cookie(), null).body())
                .contains("start-stateless refused (409");
    }

    @Test
    void theClusterPageShowsItsFlinkAndTheJobIdLinksToFlinksJobPage() throws Exception {
        Deployment d = store.deployment("orders").orElseThrow();
        String job = "0123456789abcdef0123456789abcdef";
        store.replaceDeployment(
                d.withStatus(d.status().toBuilder().phase(Phase.RUNNING).jobId(job).build()),
                d.spec().generation(),
                new Event("orders", Instant.now(), "Submitted", "submitted " + job, 0));
        Browser b = login(VIEWER);
        String cluster = send("GET", "/clusters/cluster-1", b.cookie(), null).body();
        assertThat(cluster)
                .contains("id=\"c-flink\">2.0.0<")
                .contains("id=\"c-flink-free\">3 of 4<")
                .contains("href=\"http://flink.test:8081\"")
                .contains("id=\"c-health\">reachable<");
        assertThat(send("GET", "/jobs/orders/live", b.cookie(), null).body())
                .contains("href=\"http://flink.test:8081/#/job/running/" + job + "/overview\"");
        logs.unreachable = true;
        assertThat(send("GET", "/clusters/cluster-1", b.cookie(), null).body())
                .contains("id=\"c-health\">unreachable: ")
                .contains("connection refused")
                .contains("no answer at");
    }

    @Test
    void theJobListShowsOnePageAndTheTotal() throws Exception {
        for (int i = 0; i < 120; i++) {
            call(ADMIN, "POST", "/v1/deployments", orders(String.format("job-%03d", i)));
        }
        Browser b = login(VIEWER);
        String page = send("GET", "/jobs?q=job-&sort=-name", b.cookie(), null).body();
        assertThat(page)
                .contains("120 deployments")
                .contains("job-119")
                .doesNotContain(">job-000<");
        assertThat(Pattern.compile("<tr><td><a href=\"/jobs/").matcher(page).results().count())
                .isEqualTo(50);
        assertThat(send("GET", "/assets/htmx.min.js", null, null).statusCode()).isEqualTo(200);
    }
}
