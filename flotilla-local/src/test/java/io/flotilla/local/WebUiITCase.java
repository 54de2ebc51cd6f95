package io.flotilla.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.local.demo.Demo;
import io.flotilla.local.process.S3Store;
import io.flotilla.supervisor.api.DeploymentRequest;
import io.flotilla.supervisor.api.DeploymentView;
import io.flotilla.supervisor.api.DesiredState;
import io.flotilla.supervisor.api.Lineage;
import io.flotilla.supervisor.api.LineageTable;
import io.flotilla.supervisor.api.Phase;
import io.flotilla.supervisor.api.StartFromSavepointRequest;
import io.flotilla.supervisor.api.SupervisorClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in headless Chromium on the real platform (Flink, s3proxy, PostgreSQL, the
 * supervisor): log in, the job list, every field of the seed's job page (the JobID linking to
 * Flink's own job page), Stop with a savepoint and Start from it, the tables read and written, the
 * lineage graph, the cluster page with its Flink, a viewer without buttons whose forged POST is
 * refused, markup in a field shown as text, a deployment that needs attention started from a chosen
 * savepoint, and logging in and out in the audit log.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiITCase {

    static final String EVIL = "<script>window.pwned=1</script>";

    @RegisterExtension static final Browser BROWSER = new Browser();

    static LocalPlatform platform;
    static LocalSupervisor supervisor;
    static SupervisorClient api;
    static String ui;
    static String savepoint;

    @BeforeAll
    static void start() {
        platform = TestingPlatforms.start(TestingPlatforms.freshHome("web-ui"), 1);
        supervisor = LocalSupervisor.start(platform);
        api = supervisor.client();
        ui = supervisor.uiUri().toString();
        Artifacts.Published artifact = TestingPlatforms.publishExample(platform);
        api.create(spec("orders", artifact, DesiredState.RUNNING, "examples/orders"));
        api.create(spec("evil", artifact, DesiredState.STOPPED, EVIL));
        api.create(spec("alerts", artifact, DesiredState.STOPPED, "examples/alerts"));
        putLineage(
                "orders",
                table("orders", "datagen", "orders-service"),
                table("order_stats", "print", "analytics"));
        putLineage(
                "alerts",
                table("order_stats", "print", "analytics"),
                table("alerts", "kafka", "alerting"));
        until("orders", d -> d.phase() == Phase.RUNNING && d.status().lastCheckpoint() != null);
    }

    @AfterAll
    static void stop() {
        if (supervisor != null) {
            supervisor.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void anAdminLogsInWithATokenAndSeesTheJobList() {
        WebDriver d = BROWSER.driver();
        logIn(supervisor.token());
        WebElement jobs = d.findElement(By.id("jobs"));
        assertThat(jobs.getText()).contains("orders").contains("evil").contains("alerts");
        assertThat(d.findElement(By.id("total")).getText()).isEqualTo("3 deployments");
        d.get(ui + "jobs?phase=RUNNING");
        assertThat(d.findElement(By.id("total")).getText()).isEqualTo("1 deployments");
        d.get(ui + "jobs");
        BROWSER.screenshot("job-list");
    }

    @Test
    @Order(2)
    void theJobPageShowsEveryFieldOfTheSeedsPage() {
        WebDriver d = BROWSER.driver();
        d.get(ui + "jobs");
        click(By.linkText("orders"));
        await().until(ExpectedConditions.textToBe(By.id("f-name"), "orders"));
        DeploymentView dep = api.deployment("orders");
        assertThat(text("f-status")).isEqualTo("RUNNING");
        assertThat(text("f-cluster")).isEqualTo("cluster-1");
        assertThat(d.findElement(By.cssSelector("#f-cluster a")).getAttribute("href"))
                .endsWith("/clusters/cluster-1");
        assertThat(text("f-flink")).isEqualTo("any version");
        assertThat(text("f-version")).isEqualTo("1");
        assertThat(text("f-module")).isEqualTo("examples/orders");
        assertThat(text("f-owner")).isEqualTo("team-orders");
        assertThat(text("f-created"))
                .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ .*ago\\)");
        assertThat(text("f-updated"))
                .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ .*ago\\)");
        assertThat(text("live-retries")).isEqualTo("0");
        assertThat(text("live-jobid")).isEqualTo(dep.status().jobId());
        String flinkJob =
                await().ignoring(StaleElementReferenceException.class)
                        .until(x -> x.findElement(By.id("flink-job")).getAttribute("href"));
        assertThat(flinkJob)
                .isEqualTo(
                        platform.cluster("cluster-1").restUrl().toString().replaceAll("/+$", "")
                                + "/#/job/running/"
                                + dep.status().jobId()
                                + "/overview");
        assertThat(d.findElements(By.id("stop"))).hasSize(1);
        assertThat(d.findElements(By.id("restart"))).hasSize(1);
        String jobId = dep.status().jobId();
        // Logs: the JobManager's lines naming the job, then a TaskManager's, through the API.
        await().until(
                        ExpectedConditions.textToBePresentInElementLocated(
                                By.id("log-lines"), jobId));
        click(By.id("log-tm"));
        // The tabs already read "TaskManager all lines": wait for the TaskManager page's heading.
        await().until(
                        ExpectedConditions.textMatches(
                                By.id("logs-view"),
                                java.util.regex.Pattern.compile(
                                        "(?s).*TaskManager (\\S+ )?of .*")));
        await().until(ExpectedConditions.presenceOfElementLocated(By.id("log-lines")));
        click(By.id("log-jm"));
        // Until the JobManager's page is swapped in, the TaskManager's lines may name the job too.
        await().until(
                        ExpectedConditions.textToBePresentInElementLocated(
                                By.id("logs-view"), "JobManager of "));
        await().until(
                        ExpectedConditions.textToBePresentInElementLocated(
                                By.id("log-lines"), jobId));
        await().until(
                        ExpectedConditions.textToBePresentInElementLocated(
                                By.id("exceptions-view"), "has not failed"));
        assertThat(d.findElement(By.id("reads")).getText())
                .contains("orders")
                .contains("datagen")
                .contains("orders-service")
                .contains("examples/orders")
                .contains("io.flotilla.examples.orders.OrdersJob");
        assertThat(d.findElement(By.id("writes")).getText())
                .contains("order_stats")
                .contains("analytics");
        assertThat(d.findElement(By.id("events")).getText()).contains("admin").contains("Created");
        BROWSER.screenshot("job-page");
    }

    @Test
    @Order(3)
    void stopTakesASavepointAndStartRestoresFromIt() {
        WebDriver d = BROWSER.driver();
        d.get(ui + "jobs/orders");
        // A savepoint on request first: the job keeps running, the savepoint shows in the table.
        String running = api.deployment("orders").status().jobId();
        click(By.id("savepoint"));
        await().until(ExpectedConditions.alertIsPresent()).accept();
        await().until(
                        ExpectedConditions.textToBePresentInElementLocated(
                                By.id("flash"), "savepoint of orders requested"));
        await().until(
                        x -> {
                            x.navigate().refresh();
                            return x.findElement(By.id("savepoints"))
                                    .getText()
                                    .contains("/savepoints/" + running + "/savepoint-");
                        });
        assertThat(api.deployment("orders").status().jobId()).isEqualTo(running);
        // The Backfill form: this plain-jar job is refused by the API, saying why; none stored.
        assertThat(d.findElement(By.id("backfills")).getText()).contains("No backfill yet.");
        d.findElement(By.id("backfill-from")).sendKeys("2026-01-01T00:00:00Z");
        d.findElement(By.id("backfill-to")).sendKeys("2026-01-01T01:00:00Z");
        click(By.id("backfill"));
        await().until(ExpectedConditions.alertIsPresent()).accept();
        await().until(
                        ExpectedConditions.textToBePresentInElementLocated(
                                By.id("flash"), "backfill refused (400 not_a_dsl_job)"));
        assertThat(api.backfills("orders").backfills()).isEmpty();
        click(By.id("stop"));
        await().until(ExpectedConditions.alertIsPresent()).accept();
        await().until(
                        ExpectedConditions.textToBePresentInElementLocated(
                                By.id("flash"), "stop of orders requested"));
        // A marker that a reload would wipe: the status below changes by htmx polling alone.
        BROWSER.driver().executeScript("window.flotillaMarker = 'kept';");
        await().until(ExpectedConditions.textToBe(By.id("live-status"), "STOPPED"));
        assertThat(BROWSER.driver().executeScript("return window.flotillaMarker"))
                .isEqualTo("kept");
        await().until(
                        ExpectedConditions.textMatches(
                                By.id("live-savepoint"),
                                java.util.regex.Pattern.compile(".*savepoint.*")));
        savepoint = text("live-savepoint");
        assertThat(savepoint).isEqualTo(api.deployment("orders").status().lastSavepoint());
        d.navigate().refresh();
        assertThat(d.findElement(By.id("savepoints")).getText()).contains(savepoint);
        // Its size, as the sidecar lists the real S3 store through the supervisor's API.
        assertThat(
                        d.findElements(By.cssSelector("#savepoints tr")).stream()
                                .map(WebElement::getText)
                                .filter(row -> row.contains(savepoint)))
                .singleElement()
                .asString()
                .containsPattern("savepoint .* [0-9.]+ (B|KiB|MiB) ");
        assertThat(d.findElements(By.id("stop"))).isEmpty();
        click(By.id("start"));
        await().until(ExpectedConditions.alertIsPresent()).accept();
        await().until(ExpectedConditions.textToBe(By.id("live-status"), "RUNNING"));
        await().until(ExpectedConditions.textToBe(By.id("live-restored"), savepoint));
        List<String> who = new java.util.ArrayList<>();
        api.events("orders", 0, 1000).events().forEach(e -> who.add(e.who() + " " + e.type()));
        assertThat(who).contains("admin Stop", "admin Start");
    }

    @Test
    @Order(4)
    void theLineageGraphLinksTablesAndJobs() {
        WebDriver d = BROWSER.driver();
        d.get(ui + "lineage");
        assertThat(d.findElements(By.cssSelector("#lineage-graph a"))).hasSize(5);
        BROWSER.screenshot("lineage");
        click(By.id("t-order_stats"));
        await().until(ExpectedConditions.textToBe(By.id("t-name"), "order_stats"));
        assertThat(d.findElement(By.id("writers")).getText()).isEqualTo("orders");
        assertThat(d.findElement(By.id("readers")).getText()).isEqualTo("alerts");
        click(By.linkText("alerts"));
        await().until(ExpectedConditions.textToBe(By.id("f-name"), "alerts"));
    }

    @Test
    @Order(5)
    void theClusterPageShowsSlotsAndItsDeployments() {
        WebDriver d = BROWSER.driver();
        // The page is rendered once per load (no live part): reload until the counts and the
        // sidecar's answer are in, rather than waiting on a page that never changes.
        await().ignoring(StaleElementReferenceException.class)
                .until(
                        x -> {
                            x.get(ui + "clusters/cluster-1");
                            return x.findElement(By.id("c-used")).getText().equals("1")
                                    && x.findElement(By.id("c-health"))
                                            .getText()
                                            .equals("reachable");
                        });
        assertThat(text("c-slots")).isEqualTo("2");
        assertThat(text("c-free")).isEqualTo("1");
        assertThat(text("c-health")).isEqualTo("reachable");
        assertThat(text("c-lost")).isEqualTo("no");
        assertThat(text("c-flink")).isEqualTo("2.0.0");
        assertThat(text("c-taskmanagers")).isEqualTo("1");
        assertThat(text("c-flink-free")).matches("[0-2] of 2");
        assertThat(text("c-contact"))
                .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ .*ago\\)");
        assertThat(d.findElement(By.id("cluster-jobs")).getText())
                .contains("orders")
                .contains("evil");
        BROWSER.screenshot("cluster-page");
    }

    @Test
    @Order(6)
    void markupInAFieldShowsAsText() {
        WebDriver d = BROWSER.driver();
        d.get(ui + "jobs/evil");
        assertThat(text("f-module")).isEqualTo(EVIL);
        assertThat(BROWSER.driver().executeScript("return window.pwned === undefined"))
                .isEqualTo(true);
    }

    @Test
    @Order(7)
    void aViewerSeesNoButtonsAndAForgedPostWithoutTheCsrfTokenIsRefused() {
        WebDriver d = BROWSER.driver();
        click(By.id("logout"));
        await().until(ExpectedConditions.presenceOfElementLocated(By.id("token")));
        assertThat(d.manage().getCookieNamed("flotilla_session")).isNull();
        logIn(supervisor.viewerToken());
        d.get(ui + "jobs/orders");
        await().until(ExpectedConditions.textToBe(By.id("f-name"), "orders"));
        assertThat(d.findElements(By.id("start"))).isEmpty();
        assertThat(d.findElements(By.id("stop"))).isEmpty();
        assertThat(d.findElements(By.id("restart"))).isEmpty();
        assertThat(d.findElements(By.id("savepoint"))).isEmpty();
        assertThat(d.findElements(By.id("backfill"))).isEmpty();
        Object status =
                BROWSER.driver()
                        .executeAsyncScript(
                                "const done = arguments[arguments.length - 1];"
                                        + "fetch('/jobs/orders/stop', {method: 'POST', credentials: 'same-origin',"
                                        + " headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: ''})"
                                        + ".then(r => done(r.status));");
        assertThat(status).isEqualTo(403L);
        assertThat(api.deployment("orders").spec().desiredState().name()).isEqualTo("RUNNING");
    }

    @Test
    @Order(8)
    void aDeploymentThatNeedsAttentionShowsWhyAndStartsFromAChosenSavepoint() {
        WebDriver d = BROWSER.driver();
        click(By.id("logout"));
        await().until(ExpectedConditions.presenceOfElementLocated(By.id("token")));
        logIn(supervisor.token());
        // alerts never ran: a start from a savepoint that is gone leaves nothing to restore.
        String gone = savepoint.replaceAll("/+$", "") + "-gone";
        api.startFromSavepoint("alerts", new StartFromSavepointRequest(gone, null));
        until("alerts", x -> x.phase() == Phase.NEEDS_ATTENTION);
        d.get(ui + "jobs/alerts");
        await().until(ExpectedConditions.presenceOfElementLocated(By.id("attention")));
        assertThat(text("attention-cause")).contains("nothing to restore from").contains(gone);
        assertThat(text("attention-options"))
                .contains("start from a chosen savepoint")
                .contains("start stateless");
        assertThat(d.findElements(By.id("start-stateless"))).hasSize(1);
        BROWSER.screenshot("attention");
        WebElement path = d.findElement(By.id("attention-savepoint-path"));
        path.clear();
        path.sendKeys(savepoint);
        click(By.id("attention-start-from"));
        await().until(ExpectedConditions.alertIsPresent()).accept();
        await().until(ExpectedConditions.textToBe(By.id("live-status"), "RUNNING"));
        await().until(ExpectedConditions.textToBe(By.id("live-restored"), savepoint));
        d.navigate().refresh();
        assertThat(d.findElements(By.id("attention"))).isEmpty();
        List<String> who = new java.util.ArrayList<>();
        api.events(null, 0, 1000).events().forEach(e -> who.add(e.who() + " " + e.type()));
        assertThat(who)
                .contains(
                        "admin LoggedIn",
                        "admin LoggedOut",
                        "viewer LoggedIn",
                        "viewer LoggedOut",
                        "admin StartFromSavepoint");
    }

    private static void logIn(String token) {
        WebDriver d = BROWSER.driver();
        d.get(ui + "login");
        d.findElement(By.id("token")).sendKeys(token);
        click(By.id("login"));
        await().until(ExpectedConditions.presenceOfElementLocated(By.id("jobs")));
        org.openqa.selenium.Cookie c = d.manage().getCookieNamed("flotilla_session");
        assertThat(c.isHttpOnly()).isTrue();
        assertThat(c.getSameSite()).isEqualTo("Strict");
    }

    private static WebDriverWait await() {
        return new WebDriverWait(BROWSER.driver(), Duration.ofSeconds(240), Duration.ofMillis(250));
    }

    private static String text(String id) {
        // Live parts of the page are swapped in place: read again when an element was replaced.
        return await().ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id(id)).getText());
    }

    /** Clicks what {@code by} finds, finding it again if a live update replaced it meanwhile. */
    private static void click(By by) {
        await().ignoring(StaleElementReferenceException.class)
                .until(
                        d -> {
                            d.findElement(by).click();
                            return true;
                        });
    }

    static DeploymentRequest spec(
            String name, Artifacts.Published a, DesiredState desired, String module) {
        return DeploymentRequest.create(
                        name,
                        "team-orders",
                        module,
                        "1",
                        a.uri(),
                        a.sha256(),
                        Demo.ENTRY_CLASS,
                        TestingSupervisors.QUIET_ORDERS,
                        "cluster-1")
                .withDesiredState(desired);
    }

    static LineageTable table(String name, String connector, String owner) {
        return new LineageTable(
                name,
                connector,
                connector.equals("kafka") ? "topic " + name : name,
                "json",
                owner,
                "io.flotilla.examples.orders.OrdersJob");
    }

    static void putLineage(String deployment, LineageTable read, LineageTable write) {
        api.putLineage(
                deployment, "1", new Lineage(deployment, "test", List.of(read), List.of(write)));
    }

    static DeploymentView until(
            String name, java.util.function.Predicate<DeploymentView> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        DeploymentView last = null;
        while (System.nanoTime() < deadline) {
            last = api.deployment(name);
            if (condition.test(last)) {
                return last;
            }
            S3Store.sleep(500);
        }
        throw new AssertionError("gave up waiting for " + name + ": " + last);
    }
}
