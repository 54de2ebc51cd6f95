package io.flotilla.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.local.CliPlatform.Result;
import io.flotilla.supervisor.api.DeploymentRequest;
import io.flotilla.supervisor.api.RetentionRequest;
import io.flotilla.supervisor.api.StoredKind;
import io.flotilla.supervisor.api.SupervisorClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The flotilla CLI against the real supervisor on the real platform (Flink, s3proxy, PostgreSQL),
 * found through the run folder's platform.json as a user's would be: a jar nobody here wrote is
 * deployed to RUNNING with a checkpoint, released, stopped and started again from its savepoint;
 * every read command, its JSON, and each class of error with its exit code.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliITCase {

    @RegisterExtension static final CliPlatform PLATFORM = new CliPlatform("cli", "5m");
    static Path home;
    static LocalSupervisor supervisor;
    static Path v1;
    static Path v2;

    @BeforeAll
    static void buildJars() throws Exception {
        home = PLATFORM.home();
        supervisor = PLATFORM.supervisor();
        v1 = CounterJobJar.build(home.resolve("build"), 5);
        v2 = CounterJobJar.build(home.resolve("build"), 7);
    }

    static Result cli(String... args) {
        return PLATFORM.cli(args);
    }

    @Test
    @Order(1)
    void deploysAJarNobodyHereWroteToRunningWithACheckpoint() {
        Result r =
                cli(
                        "deploy",
                        "counter",
                        "--jar",
                        v1.toString(),
                        "--cluster",
                        "cluster-1",
                        "--owner",
                        "team-counting");
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains("published key-counter-5.jar as s3://flotilla-artifacts/jobs/counter/")
                .contains("deployment counter created on cluster-1, version 1")
                .containsPattern("RUNNING job [0-9a-f]{32} checkpoint chk-[0-9]+")
                .contains("done: counter RUNNING with checkpoint s3://");
    }

    @Test
    @Order(2)
    void readCommandsShowTheJobInTextAndJson() throws Exception {
        Result list = cli("list");
        assertThat(list.code()).isZero();
        assertThat(list.out())
                .containsPattern(
                        "counter +RUNNING +cluster-1 +1 +team-counting +0 +[0-9]+[smhd] ago");
        JsonNode listed = cli("list", "--output", "json", "--owner", "team-counting").json();
        assertThat(listed.get("deployments")).hasSize(1);
        assertThat(listed.get("total").asInt()).isEqualTo(1);
        assertThat(listed.get("limit").asInt()).isEqualTo(50);
        assertThat(cli("list", "--status", "STOPPED").out()).contains("(no deployments match)");

        Result status = cli("status", "counter");
        assertThat(status.code()).isZero();
        assertThat(status.out())
                .contains("status         RUNNING (desired RUNNING)", "cluster        cluster-1")
                .contains(
                        "entry class    " + CounterJobJar.MAIN_CLASS, "module         jobs/counter")
                .containsPattern("job id +[0-9a-f]{32}")
                .containsPattern(
                        "checkpoint +s3://flotilla-state/cluster-1/checkpoints/[0-9a-f]{32}/chk-")
                .contains("reads          - (no lineage stored for version 1)");
        JsonNode page = cli("status", "counter", "--output", "json").json();
        assertThat(page.get("deployment").get("phase").asText()).isEqualTo("RUNNING");
        assertThat(page.get("created").asText()).isNotEmpty();
        assertThat(page.get("deployment").get("createdAt").asText())
                .isEqualTo(page.get("created").asText());
        assertThat(status.out())
                .containsPattern("created +20[0-9-]+ [0-9:]+Z")
                .contains("updated ");
        // The real output docs/cli.md shows.
        System.out.println(
                "$ bin/flotilla list\n"
                        + list.out()
                        + "$ bin/flotilla status counter\n"
                        + status.out());

        // Health is the sidecar's last answer: one slow answer on a loaded machine shows otherwise.
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () ->
                                java.util.regex.Pattern.compile("cluster-1 +2 +1 +ok")
                                        .matcher(cli("clusters").out())
                                        .find());
        assertThat(cli("events", "counter").out()).contains("Created", "Submitted");
        Result sp = cli("savepoints", "counter");
        assertThat(sp.code()).isZero();
        assertThat(sp.out()).containsPattern("checkpoint +[0-9.]+ (B|KiB) +pinned");
        assertThat(cli("lineage").out()).contains("no lineage stored for: counter");

        String job = page.get("deployment").get("status").get("jobId").asText();
        Result logs = cli("logs", "counter");
        assertThat(logs.code()).isZero();
        assertThat(logs.out()).contains(job);
        Result tm =
                cli(
                        "logs",
                        "counter",
                        "--taskmanager",
                        "--all",
                        "--lines",
                        "20",
                        "--output",
                        "json");
        assertThat(tm.code()).isZero();
        assertThat(tm.json().get("lines")).isNotEmpty();
        assertThat(tm.json().get("source").asText()).isEqualTo("taskmanager");
    }

    @Test
    @Order(3)
    void eachErrorClassHasItsExitCodeAndOneLine() throws Exception {
        Result unknown = cli("status", "no-such-job");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("no deployment 'no-such-job'");
        Result badVersion =
                cli("release", "counter", "--jar", v2.toString(), "--version", "two words");
        assertThat(badVersion.code()).isEqualTo(2);
        assertThat(badVersion.err()).contains("version");
        Result running = cli("delete", "counter");
        assertThat(running.code()).isEqualTo(2);
        assertThat(running.err()).contains("stop it first");
        Result usage = cli("deploy", "counter");
        assertThat(usage.code()).isEqualTo(2);

        Path wrong = home.resolve("wrong.token");
        Files.writeString(wrong, "not-the-token-not-the-token\n");
        Result token =
                cli("list", "--url", supervisor.uri().toString(), "--token-file", wrong.toString());
        assertThat(token.code()).isEqualTo(3);
        assertThat(token.err().lines()).hasSize(1);
        assertThat(token.err()).contains("refused the token").doesNotContain("not-the-token");
        Result down = cli("list", "--url", "http://127.0.0.1:1", "--token-file", wrong.toString());
        assertThat(down.code()).isEqualTo(3);
        assertThat(down.err()).contains("cannot reach the supervisor");
        Result none = cli("list", "--home", home.resolve("nothing").toString());
        assertThat(none.code()).isEqualTo(3);
        assertThat(none.err()).contains("no local platform runs in");

        Path token2 = home.resolve("conf/supervisor.token");
        Result login =
                cli(
                        "login",
                        "--url",
                        supervisor.uri().toString(),
                        "--token-file",
                        token2.toString());
        assertThat(login.code()).isZero();
        Result viaLogin =
                cli("list", "--home", home.resolve("nothing").toString(), "--output", "json");
        assertThat(viaLogin.code()).isZero();
        assertThat(viaLogin.json().get("deployments")).hasSize(1);
    }

    @Test
    @Order(4)
    void releasesANewVersionFromTheSavepoint() throws Exception {
        Result r = cli("release", "counter", "--jar", v2.toString(), "--version", "2");
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains("release of counter from version 1 to 2 requested")
                // UPGRADING (the stop with a savepoint) may pass between two polls.
                .contains("release in progress, savepoint s3://")
                .contains("DONE: release done: job");
        JsonNode d = cli("status", "counter", "--output", "json").json();
        assertThat(d.get("deployment").get("spec").get("version").asText()).isEqualTo("2");
    }

    @Test
    @Order(5)
    void takesASavepointWhileTheJobRunsAndListsItWithItsSize() throws Exception {
        String job =
                cli("status", "counter", "--output", "json")
                        .json()
                        .get("deployment")
                        .get("status")
                        .get("jobId")
                        .asText();
        Result sp = cli("savepoint", "counter", "--output", "json");
        assertThat(sp.code()).as(sp.err()).isZero();
        assertThat(sp.err()).contains("savepoint of counter (job " + job, "done: savepoint s3://");
        String path = sp.json().get("location").asText();
        assertThat(path).startsWith("s3://flotilla-state/cluster-1/savepoints/" + job + "/");
        JsonNode list = cli("savepoints", "counter", "--output", "json").json();
        assertThat(list.get("snapshots"))
                .anySatisfy(
                        s -> {
                            assertThat(s.get("path").asText()).isEqualTo(path);
                            assertThat(s.get("bytes").asLong()).isPositive();
                        });
        assertThat(
                        cli("status", "counter", "--output", "json")
                                .json()
                                .get("deployment")
                                .get("status")
                                .get("jobId")
                                .asText())
                .as("the job keeps running")
                .isEqualTo(job);

        // Periodic savepoints: every 5 s while it runs, then off again; the job is not restarted.
        SupervisorClient api = supervisor.client();
        long generation = api.deployment("counter").generation();
        api.update(
                "counter",
                DeploymentRequest.change(generation)
                        .withRetention(new RetentionRequest(null, null, "5s")));
        // Generous: each savepoint can take 10 s or more at a high load.
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () ->
                                api.events("counter", 0, 1000).events().stream()
                                        .anyMatch(e -> e.type().equals("PeriodicSavepoint")));
        await().atMost(Duration.ofMinutes(5))
                .until(
                        () ->
                                api.state("counter").stored().stream()
                                                .filter(s -> s.kind() == StoredKind.SAVEPOINT)
                                                .filter(s -> job.equals(s.jobId()))
                                                .count()
                                        >= 2);
        api.update(
                "counter",
                DeploymentRequest.change(api.deployment("counter").generation())
                        .withRetention(new RetentionRequest(null, null, null)));
        assertThat(api.deployment("counter").status().jobId()).isEqualTo(job);
        assertThat(api.state("counter").retention().savepointEvery()).isNull();
    }

    @Test
    @Order(6)
    void stopsWithASavepointAndStartsAgainFromIt() throws Exception {
        Result stop = cli("stop", "counter", "--output", "json");
        assertThat(stop.code()).isZero();
        // STOPPING shows only when a poll falls inside the stop, which may take under a second.
        assertThat(stop.err()).contains("stop of counter requested", "STOPPED job -");
        String savepoint = stop.json().get("status").get("lastSavepoint").asText();
        assertThat(savepoint).startsWith("s3://flotilla-state/cluster-1/savepoints/");

        Result start = cli("start", "counter", "--from-savepoint", savepoint);
        assertThat(start.code()).isZero();
        assertThat(start.out())
                .contains("start of counter from " + savepoint + " requested")
                .containsPattern("RUNNING job [0-9a-f]{32} checkpoint chk-[0-9]+");
        JsonNode page = cli("status", "counter", "--output", "json").json();
        assertThat(page.get("runs").get("current").get("restoredFrom").asText())
                .isEqualTo(savepoint);
        assertThat(cli("status", "counter").out()).contains("restored from  " + savepoint);
    }

    @Test
    @Order(7)
    void aJobThatFailsExitsOneWithItsCause() throws Exception {
        Result r =
                cli(
                        "deploy",
                        "counter-broken",
                        "--jar",
                        v1.toString(),
                        "--entry-class",
                        "com.example.counter.Missing",
                        "--cluster",
                        "cluster-1",
                        "--owner",
                        "team-counting");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("counter-broken FAILED: ");
        assertThat(r.err()).contains("ClassNotFoundException: com.example.counter.Missing");
        // Only accepted, not followed: the supervisor keeps resubmitting a refused deployment
        // after a stop (reported to the supervisor's owners), so STOPPED never comes.
        assertThat(cli("stop", "counter-broken", "--no-wait").code()).isZero();
        JsonNode d = cli("status", "counter-broken", "--output", "json").json();
        assertThat(d.get("deployment").get("spec").get("desiredState").asText())
                .isEqualTo("STOPPED");
    }
}
