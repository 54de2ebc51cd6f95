package io.flotilla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.cli.output.Output;
import io.flotilla.supervisor.api.Phase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI against a fake supervisor: parsing, rendering, progress and exit codes. */
class FlotillaCliTest {

    private static final String HOUR_FROM = "2025-01-01T00:00:00Z";
    private static final String HOUR_TO = "2025-01-01T01:00:00Z";

    @TempDir Path dir;
    TestingSupervisor supervisor;
    Map<String, String> env;

    /** What one run printed and returned. */
    record Result(int code, String out, String err) {
        JsonNode json() throws Exception {
            return Output.JSON.readTree(out);
        }
    }

    @BeforeEach
    void start() {
        supervisor = new TestingSupervisor();
        supervisor.add("orders", Phase.RUNNING, "cluster-1", "team-orders", 0);
        supervisor.add("clicks", Phase.STOPPED, "cluster-2", "team-web", 2);
        env = new HashMap<>();
        env.put("HOME", dir.toString());
        env.put("FLOTILLA_HOME", dir.resolve("run").toString());
        env.put("FLOTILLA_URL", supervisor.url().toString());
        env.put("FLOTILLA_TOKEN", TestingSupervisor.ADMIN);
        env.put("FLOTILLA_WAIT_TIMEOUT", "20s");
    }

    @AfterEach
    void stop() {
        supervisor.close();
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = FlotillaCli.run(args, cli(out, err));
        return new Result(
                code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The CLI with this test's environment, printing into {@code out} and {@code err}. */
    private Cli cli(ByteArrayOutputStream out, ByteArrayOutputStream err) {
        return new Cli(
                env,
                Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** A backfill of orders over [{@code from}, {@code to}), with {@code more} options. */
    private Result backfill(String from, String to, String... more) {
        List<String> args =
                new ArrayList<>(List.of("backfill", "orders", "--from", from, "--to", to));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    /** A backfill of orders over the first hour of 2025, with {@code more} options. */
    private Result backfillAnHour(String... more) {
        return backfill(HOUR_FROM, HOUR_TO, more);
    }

    /** {@code deploy new-job} of {@code jar} with every required option. */
    private Result deployNewJob(String jar) {
        return run("deploy", "new-job", "--jar", jar, "--cluster", "cluster-1", "--owner", "me");
    }

    /** As if neither the environment nor the options named a supervisor. */
    private void forgetTheSupervisor() {
        env.remove("FLOTILLA_URL");
        env.remove("FLOTILLA_TOKEN");
    }

    /** The run exited with {@code code} and said each of {@code says} on stderr. */
    private static void assertExit(Result r, int code, String... says) {
        assertThat(r.code()).isEqualTo(code);
        assertThat(r.err()).contains(says);
    }

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        Result r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains("list", "status", "deploy", "release", "start", "stop", "restart")
                .contains("delete", "logs", "savepoints", "events", "clusters", "lineage")
                .contains("validate", "local", "completion", "login")
                .contains("Exit codes: 0 done, 1 failed or rolled back, 2 bad input, 3");
    }

    @Test
    void aMistypedCommandIsBadInputWithASuggestion() {
        assertExit(
                run("stauts", "orders"),
                2,
                "Unmatched argument",
                "Did you mean",
                "flotilla status");
    }

    @Test
    void listShowsOneLinePerDeploymentAndFilters() {
        Result r = run("list");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines())
                .first()
                .asString()
                .contains("NAME", "STATUS", "CLUSTER", "VERSION", "OWNER", "RETRIES", "UPDATED");
        assertThat(r.out()).contains("orders", "RUNNING", "team-orders", "clicks", "STOPPED");
        Result only = run("list", "--status", "STOPPED");
        assertThat(only.out()).contains("clicks").doesNotContain("orders");
        assertThat(run("list", "--owner", "nobody").out()).contains("(no deployments match)");
        assertThat(run("list", "--status", "SLEEPING").code()).isEqualTo(2);
    }

    @Test
    void listShowsOnePageOfTheServersPagingAndTheWayToTheNext() throws Exception {
        for (int i = 0; i < 5; i++) {
            supervisor.add("job-" + i, Phase.RUNNING, "cluster-1", "team-jobs", 0);
        }
        Result page = run("list", "--name", "job-", "--limit", "2", "--offset", "1");
        assertThat(page.code()).isZero();
        assertThat(page.out()).contains("job-1", "job-2").doesNotContain("job-0", "job-3");
        assertThat(page.out()).contains("(2-3 of 5; next page: --offset 3, or --all)");
        Result all = run("list", "--name", "job-", "--all", "--output", "json");
        assertThat(all.json().get("deployments")).hasSize(5);
        assertThat(all.json().get("total").asInt()).isEqualTo(5);
        JsonNode json = run("list", "--limit", "1", "--output", "json").json();
        assertThat(json.get("total").asInt()).isEqualTo(7);
        assertThat(json.get("deployments")).hasSize(1);
        assertThat(run("list", "--limit", "0").code()).isEqualTo(2);
    }

    @Test
    void listAsJsonIsOneDocument() throws Exception {
        Result r = run("list", "--output", "json", "--cluster", "cluster-1");
        assertThat(r.code()).isZero();
        JsonNode ds = r.json().get("deployments");
        assertThat(ds).hasSize(1);
        assertThat(ds.get(0).get("name").asText()).isEqualTo("orders");
        assertThat(ds.get(0).get("phase").asText()).isEqualTo("RUNNING");
    }

    @Test
    void statusIsTheJobPage() {
        Result r = run("status", "orders");
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains(
                        "deployment     orders",
                        "status         RUNNING",
                        "cluster        cluster-1",
                        "flink          >=2.0")
                .contains(
                        "version        1",
                        "module         jobs/orders",
                        "created        2026-12-01 10:00:00Z")
                .contains("job id         00000000000000000000000000000001", "checkpoint     s3://")
                .contains(
                        "retries        0",
                        "reads          orders (kafka orders, json, owner orders-service)")
                .contains("writes         order_stats");
    }

    @Test
    void stopFollowsUntilStoppedAndPrintsTheSavepoint() {
        Result r = run("stop", "orders");
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains("stop of orders requested", "STOPPED job -")
                .contains(
                        "done: orders STOPPED with savepoint s3://flotilla-state/cluster-1/savepoints/");
        assertThat(r.out().lines().filter(l -> l.matches("\\[ *[0-9.]+s\\] .*"))).hasSize(3);
    }

    @Test
    void startFollowsUntilRunningWithACheckpointOfTheNewJob() throws Exception {
        Result r = run("start", "clicks", "--output", "json");
        assertThat(r.code()).isZero();
        assertThat(r.err())
                .contains(
                        "STARTING job", "RUNNING job", "checkpoint chk-1", "done: clicks RUNNING");
        JsonNode d = r.json();
        assertThat(d.get("phase").asText()).isEqualTo("RUNNING");
        assertThat(d.get("status").get("lastCheckpoint").asText())
                .contains(d.get("status").get("jobId").asText());
    }

    @Test
    void aFailedStartExitsOneWithTheCause() {
        supervisor.failStarts = true;
        Result r = run("start", "clicks");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip())
                .isEqualTo(
                        "flotilla: clicks FAILED: java.lang.IllegalStateException: boom (the supervisor retries with backoff; see 'flotilla events clicks', fix the job and deploy again, or 'flotilla stop clicks')");
    }

    @Test
    void aSubmissionTheClusterRefusesExitsOneWithTheRefusal() {
        supervisor.refuseSubmits = true;
        assertExit(
                run("start", "clicks"),
                1,
                "clicks FAILED: cluster cluster-1 refused: 422 program_failed");
    }

    @Test
    void aWrongTokenIsOneLineAndExitThree() {
        env.put("FLOTILLA_TOKEN", "wrong-token-wrong-token");
        Result r = run("list");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err())
                .contains("refused the token", "flotilla login")
                .doesNotContain("wrong-token");
    }

    @Test
    void aRoleTooLowIsExitThreeNamingTheRole() {
        env.put("FLOTILLA_TOKEN", TestingSupervisor.VIEWER);
        assertExit(run("stop", "orders"), 3, "not allowed", "needs role operator", "viewer");
        assertThat(supervisor.get("orders").phase()).isEqualTo(Phase.RUNNING);
    }

    @Test
    void anUnknownDeploymentIsBadInput() {
        Result r = run("status", "nope");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("flotilla: no deployment 'nope': see GET /v1/deployments\n");
    }

    @Test
    void aRefusedChangeIsBadInputWithTheSupervisorsReason() {
        assertExit(run("delete", "orders"), 2, "orders is RUNNING: stop it first");
        assertThat(run("delete", "clicks").code()).isZero();
        assertThat(supervisor.get("clicks")).isNull();
    }

    @Test
    void anUnreachableOrWrongUrlIsExitThree() {
        env.put("FLOTILLA_URL", "http://127.0.0.1:1");
        assertExit(run("list"), 3, "cannot reach the supervisor at http://127.0.0.1:1", "--url");
        env.put("FLOTILLA_URL", supervisor.url().toString());
        supervisor.answerHtml = true;
        assertExit(run("list"), 3, "not a Flotilla supervisor");
        env.put("FLOTILLA_URL", "ftp://x");
        assertThat(run("list").code()).isEqualTo(2);
    }

    @Test
    void withNoSupervisorAndNoLocalPlatformTheFixIsNamed() {
        forgetTheSupervisor();
        assertExit(
                run("list"),
                3,
                "no local platform runs in",
                "flotilla login",
                "bin/flotilla start");
    }

    @Test
    void withNothingGivenTheLocalPlatformsSupervisorIsUsed() throws Exception {
        Path run = dir.resolve("run");
        Files.createDirectories(run.resolve("conf"));
        Path token = run.resolve("conf/supervisor.token");
        Files.writeString(token, TestingSupervisor.ADMIN + "\n");
        Files.writeString(
                run.resolve("platform.json"),
                "{\"pid\": "
                        + ProcessHandle.current().pid()
                        + ", \"supervisor\": {\"url\": \""
                        + supervisor.url()
                        + "\", \"tokenFile\": \""
                        + token
                        + "\"}, \"s3\": {\"endpoint\": \"http://127.0.0.1:1\"}}");
        forgetTheSupervisor();
        Result r = run("list", "--home", run.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("orders", "clicks");
    }

    @Test
    void loginRemembersTheUrlAndTokenFileOwnerOnlyButNotTheToken() throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, TestingSupervisor.ADMIN + "\n");
        forgetTheSupervisor();
        Result r =
                run(
                        "login",
                        "--url",
                        supervisor.url().toString(),
                        "--token-file",
                        token.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains("logged in to " + supervisor.url())
                .doesNotContain(TestingSupervisor.ADMIN);
        Path config = dir.resolve(".config/flotilla/config");
        assertThat(Files.readString(config))
                .contains("token-file")
                .doesNotContain(TestingSupervisor.ADMIN);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config)))
                .isEqualTo("rw-------");
        assertThat(run("list").out()).contains("orders");
    }

    @Test
    void logsPrintTheClusterLogThroughTheSupervisor() throws Exception {
        Result r = run("logs", "orders");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("switched to RUNNING");
        Result json = run("logs", "orders", "--output", "json");
        assertThat(json.code()).isZero();
        assertThat(json.json().get("lines").get(0).asText()).contains("switched to RUNNING");
        assertThat(json.json().get("cluster").asText()).isEqualTo("cluster-1");
    }

    @Test
    void eventsClustersLineageAndSavepointsRender() throws Exception {
        assertThat(run("events", "orders").out()).contains("Created", "version 1 created");
        assertThat(run("clusters").out()).contains("cluster-1", "SLOTS");
        assertThat(run("lineage", "orders").out())
                .contains("reads", "orders", "writes", "order_stats");
        Result sp = run("savepoints", "orders", "--output", "json");
        assertThat(sp.code()).isZero();
        assertThat(sp.json().get("snapshots").get(0).get("pinned").asBoolean()).isTrue();
    }

    @Test
    void aSavepointOnRequestIsFollowedUntilWrittenAndItsPathPrinted() throws Exception {
        Result r = run("savepoint", "orders");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("savepoint of orders (job ", "requested: operation savepoint.")
                .containsPattern(
                        "done: savepoint s3://flotilla-state/cluster-1/savepoints/.*/savepoint-1");
        Result json = run("savepoint", "orders", "--output", "json");
        assertThat(json.json().get("status").asText()).isEqualTo("COMPLETED");
        assertThat(json.json().get("location").asText()).endsWith("/savepoint-1");
        assertExit(run("savepoint", "nope"), 2, "no deployment 'nope'");
    }

    @Test
    void aBackfillIsFollowedUntilFinishedAndAFailureOrABadRangeSaysSo() throws Exception {
        Result r = backfillAnHour("--into", "order_stats_backfill");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains(
                        "backfill 1 of orders [2025-01-01T00:00:00Z, 2025-01-01T01:00:00Z) into"
                                + " order_stats_backfill requested: job ")
                .contains("done: backfill 1 FINISHED");
        Result json = backfillAnHour("--output", "json");
        assertThat(json.json().get("status").asText()).isEqualTo("FINISHED");
        assertThat(json.err()).contains("backfill 1 of orders");
        assertThat(json.out()).doesNotContain("requested: job");

        assertExit(backfill("yesterday", "today"), 2, "--from 'yesterday' is not an ISO instant");
        assertExit(backfill(HOUR_FROM, "2999-01-01T00:00:00Z"), 2, "'to' is in the future");

        supervisor.backfillFailure = "job fedcba FAILED";
        assertExit(backfillAnHour(), 1, "failed: job fedcba FAILED", "streaming job is untouched");
    }

    @Test
    void backfillCancelEndsARunningBackfillAndRefusesAnEndedOrUnknownOne() {
        backfillAnHour("--no-wait");
        Result cancelled = run("backfill-cancel", "orders", "1");
        assertThat(cancelled.code()).as(cancelled.err()).isEqualTo(0);
        assertThat(cancelled.out())
                .contains(
                        "cancel of backfill 1 of orders requested by ci",
                        "done: backfill 1 CANCELED");

        assertExit(run("backfill-cancel", "orders", "1"), 2, "already ended CANCELED");
        assertExit(run("backfill-cancel", "orders", "7"), 2, "no backfill '7'");
        assertExit(
                run("backfill-cancel", "orders", "first"),
                2,
                "<id> 'first' is not a backfill number");
    }

    @Test
    void deployTakesAFlinkVersionRange() {
        Cli cli = cli(new ByteArrayOutputStream(), new ByteArrayOutputStream());
        String usage =
                new picocli.CommandLine(new io.flotilla.cli.command.DeployCommand(cli))
                        .getUsageMessage();
        assertThat(usage).contains("--flink-version=RANGE", "2.2.x");
    }

    @Test
    void deployChecksItsInputBeforePublishingAnything() throws Exception {
        assertExit(run("deploy", "new-job", "--jar", "nope.jar"), 2, "--cluster is required");
        Result noOwner = run("deploy", "new-job", "--jar", "nope.jar", "--cluster", "cluster-1");
        assertThat(noOwner.err()).contains("--owner is required");
        assertThat(deployNewJob("nope.jar").err()).contains("--jar nope.jar is not a file");
        assertExit(
                run("deploy", "new-job", "--jar", "a.jar", "--job", "x", "--cluster", "c"),
                2,
                "mutually exclusive");
        Path jar = dir.resolve("plain.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.zip.ZipEntry("x.txt"));
        }
        assertExit(
                deployNewJob(jar.toString()),
                2,
                "has no Main-Class in its manifest: pass --entry-class");
    }

    @Test
    void completionIsABashScriptOfTheCommandTree() {
        Result r = run("completion", "bash");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("complete -F", "flotilla", "savepoints", "--from-savepoint");
    }
}
