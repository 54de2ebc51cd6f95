package io.flotilla.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.flotilla.http.ApiCallException;
import io.flotilla.local.demo.Demo;
import io.flotilla.local.process.S3Store;
import io.flotilla.sidecar.client.SidecarClient;
import io.flotilla.sidecar.client.SidecarException;
import io.flotilla.sidecar.jobs.JobApi;
import io.flotilla.sidecar.logs.LogApi;
import io.flotilla.supervisor.api.DeploymentExceptions;
import io.flotilla.supervisor.api.DeploymentLogPage;
import io.flotilla.supervisor.api.DeploymentRequest;
import io.flotilla.supervisor.api.DeploymentView;
import io.flotilla.supervisor.api.LogQuery;
import io.flotilla.supervisor.api.LogSource;
import io.flotilla.supervisor.api.Phase;
import io.flotilla.supervisor.api.SupervisorClient;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.flink.api.common.JobID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Logs and exception history on the real platform: the JobManager log through the sidecar names a
 * running job, a TaskManager log pages back and forth, a job that failed shows its root cause, and
 * the supervisor serves both per deployment.
 */
class LogsITCase {

    private static final Duration WAIT = Duration.ofSeconds(240);

    static LocalPlatform platform;
    static LocalSupervisor supervisor;
    static SidecarClient sidecar;
    static Artifacts.Published example;

    @BeforeAll
    static void start() {
        platform = TestingPlatforms.start(TestingPlatforms.freshHome("logs"), 1, "--slots", "4");
        supervisor = LocalSupervisor.start(platform);
        sidecar = new SidecarClient(platform.sidecars().get(0).uri(), platform.sidecarToken());
        example = TestingPlatforms.publishExample(platform);
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

    private static JobApi.SubmitRequest submit(
            Artifacts.Published jar, String entryClass, List<String> args, String jobId) {
        return new JobApi.SubmitRequest(
                new JobApi.ArtifactRef(jar.uri(), jar.sha256()),
                entryClass,
                args,
                1,
                jobId,
                null,
                null);
    }

    @Test
    void theJobManagerLogNamesTheRunningJobAndATaskManagerLogPagesBackAndForth() {
        String jobId = JobID.generate().toHexString();
        sidecar.submit(
                submit(
                        example,
                        Demo.ENTRY_CLASS,
                        List.of("--sink", "blackhole", "--rows-per-second", "5"),
                        jobId));
        SidecarWaits.until(sidecar, jobId, WAIT, "RUNNING", j -> j.status().equals("RUNNING"));

        LogApi.LogPage jobLines =
                until(
                        "a JobManager log line naming " + jobId,
                        () -> sidecar.log(null, null, null, null, 50, jobId),
                        p -> p.lines().stream().anyMatch(l -> l.contains(jobId)));
        assertThat(jobLines.source()).isEqualTo(LogApi.LogSource.JOBMANAGER);
        assertThat(jobLines.file()).isEqualTo("cluster-1-jobmanager.log");
        assertThat(jobLines.lines()).allMatch(l -> l.contains(jobId) || l.contains("orders"));

        LogApi.LogListing listing = sidecar.logs();
        assertThat(listing.jobManager())
                .anySatisfy(
                        f -> {
                            assertThat(f.name()).isEqualTo("cluster-1-jobmanager.log");
                            assertThat(f.size()).isPositive();
                        });
        assertThat(listing.taskManagers()).isNotEmpty();
        String tm = listing.taskManagers().get(0).id();

        LogApi.LogPage newest = sidecar.log(tm, null, null, null, 5, null);
        assertThat(newest.source()).isEqualTo(LogApi.LogSource.TASKMANAGER);
        assertThat(newest.lines()).hasSize(5);
        assertThat(newest.previous()).isNotNull();
        LogApi.LogPage older = sidecar.log(tm, null, null, newest.previous(), 5, null);
        assertThat(older.lines()).hasSize(5);
        assertThat(older.end()).isEqualTo(newest.offset());
        LogApi.LogPage again = sidecar.log(tm, null, older.next(), null, 5, null);
        assertThat(again.lines()).isEqualTo(newest.lines());

        assertError(sidecar.get("/v1/logs/jobmanager?limit=0"), 400, "limit");
        assertError(sidecar.get("/v1/logs/jobmanager?offset=-1"), 400, "offset");
        assertError(sidecar.get("/v1/logs/jobmanager?file=..%2Fsecrets"), 400, "file");
        assertError(sidecar.get("/v1/logs/jobmanager?offset=999999999999"), 400, "offset");
        assertError(sidecar.get("/v1/logs/taskmanagers/nobody"), 404, "taskManager");
        assertError(sidecar.get("/v1/logs/jobmanager?job=orders"), 400, "job");

        sidecar.await(sidecar.cancel(jobId), WAIT);
    }

    @Test
    void aJobThatFailedShowsItsRootCause() {
        Artifacts.Published failing;
        try (var s3 = platform.s3().client()) {
            failing =
                    Artifacts.publish(
                            s3, FailingJob.jar(platform.home().resolve("jars")), "tests/failing");
        }
        String jobId = JobID.generate().toHexString();
        sidecar.submit(submit(failing, FailingJob.class.getName(), List.of(), jobId));

        LogApi.JobExceptions ex =
                until(
                        "the failure of " + jobId,
                        () -> {
                            try {
                                return sidecar.exceptions(jobId);
                            } catch (SidecarException e) {
                                if (e.status() == 404) {
                                    return null;
                                }
                                throw e;
                            }
                        },
                        e -> e != null && e.rootCause() != null);
        assertThat(ex.jobId()).isEqualTo(jobId);
        assertThat(ex.rootCause().cause())
                .startsWith("java.lang.IllegalStateException: " + FailingJob.MESSAGE);
        assertThat(ex.rootCause().stacktrace()).contains(FailingJob.MESSAGE);
        assertThat(ex.rootCause().time()).isNotNull();
        assertThat(ex.rootCause().taskName()).contains("Calc");
        assertThat(ex.rootCause().taskManager()).isNotBlank();
        assertThat(ex.history()).first().isEqualTo(ex.rootCause());
        assertError(sidecar.get("/v1/jobs/" + JobID.generate() + "/exceptions"), 404, null);
    }

    @Test
    void theSupervisorServesADeploymentsLogsAndExceptionsFromItsCluster() {
        SupervisorClient api = supervisor.client();
        api.create(
                DeploymentRequest.create(
                        "orders-logs",
                        "team-orders",
                        "examples/orders",
                        "1",
                        example.uri(),
                        example.sha256(),
                        Demo.ENTRY_CLASS,
                        List.of("--sink", "blackhole", "--rows-per-second", "5"),
                        "cluster-1"));
        DeploymentView running =
                until(
                        "orders-logs RUNNING",
                        () -> api.deployment("orders-logs"),
                        d -> d.phase() == Phase.RUNNING && d.status().jobId() != null);
        String jobId = running.status().jobId();

        DeploymentLogPage page =
                until(
                        "a JobManager log line naming the deployment's job",
                        () ->
                                api.logs(
                                        "orders-logs",
                                        new LogQuery(
                                                LogSource.JOBMANAGER,
                                                null,
                                                null,
                                                null,
                                                null,
                                                20,
                                                false)),
                        p -> p.lines().stream().anyMatch(l -> l.contains(jobId)));
        assertThat(page.deployment()).isEqualTo("orders-logs");
        assertThat(page.cluster()).isEqualTo("cluster-1");
        assertThat(page.jobId()).isEqualTo(jobId);

        DeploymentLogPage tm =
                api.logs(
                        "orders-logs",
                        new LogQuery(LogSource.TASKMANAGER, null, null, null, null, 3, true));
        assertThat(tm.source()).isEqualTo(LogSource.TASKMANAGER);
        assertThat(tm.taskManagers()).isNotEmpty();
        assertThat(tm.lines()).hasSize(3);

        DeploymentExceptions ex = api.exceptions("orders-logs");
        assertThat(ex.jobId()).isEqualTo(jobId);
        assertThat(ex.history()).isEmpty();

        assertRefused(
                () ->
                        api.logs(
                                "orders-logs",
                                new LogQuery(null, null, null, null, -2L, null, false)),
                400,
                "before");
        assertRefused(() -> api.logs("nope", LogQuery.jobManager()), 404, "name");
        SidecarClient.Reply raw =
                new SidecarClient(supervisor.uri(), supervisor.token())
                        .get("/v1/deployments/orders-logs/logs?source=sql");
        assertError(raw, 400, "source");
    }

    private static void assertRefused(Runnable call, int status, String field) {
        ApiCallException e = catchThrowableOfType(ApiCallException.class, call::run);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.status()).as(e.toString()).isEqualTo(status);
        assertThat(e.field()).isEqualTo(field);
    }

    private static void assertError(SidecarClient.Reply reply, int status, String field) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
        assertThat(reply.body().path("error").path("message").asText()).isNotBlank();
        if (field != null) {
            assertThat(reply.body().path("error").path("field").asText()).isEqualTo(field);
        }
    }

    private static <T> T until(String what, Supplier<T> read, Predicate<T> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = read.get();
            if (condition.test(last)) {
                return last;
            }
            S3Store.sleep(500);
        }
        throw new AssertionError("gave up waiting for " + what + "; last: " + last);
    }
}
