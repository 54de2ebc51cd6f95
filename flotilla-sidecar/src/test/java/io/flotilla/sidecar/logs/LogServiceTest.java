package io.flotilla.sidecar.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.http.ApiException;
import io.flotilla.sidecar.flink.FlinkRestException;
import io.flotilla.sidecar.logs.LogApi.JobExceptions;
import io.flotilla.sidecar.logs.LogApi.LogPage;
import io.flotilla.sidecar.logs.LogApi.LogSource;
import io.flotilla.sidecar.logs.LogService.Query;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.rest.messages.JobExceptionsInfoWithHistory;
import org.apache.flink.runtime.rest.messages.JobExceptionsInfoWithHistory.ExceptionInfo;
import org.apache.flink.runtime.rest.messages.JobExceptionsInfoWithHistory.JobExceptionHistory;
import org.apache.flink.runtime.rest.messages.JobExceptionsInfoWithHistory.RootExceptionInfo;
import org.junit.jupiter.api.Test;

class LogServiceTest {

    private static final JobID JOB = JobID.fromHexString("0123456789abcdef0123456789abcdef");
    private static final String TM = "127.0.0.1:40001-abc123";

    private final TestingLogFiles files =
            new TestingLogFiles()
                    .put(
                            TestingLogFiles.JM,
                            "c1-jobmanager.log",
                            "booting\n"
                                    + "Job orders-job ("
                                    + JOB
                                    + ") switched from CREATED to RUNNING.\n"
                                    + "other job ffff switched\n"
                                    + "Completed checkpoint 1 for job "
                                    + JOB
                                    + "\n"
                                    + "Source of orders-job deployed\n")
                    .put(TestingLogFiles.JM, "c1-jobmanager.out", "stdout\n")
                    .put(TM, "c1-taskmanager.log", "tm 1\ntm 2\ntm 3\n");
    private final LogService logs = new LogService(files);

    private static Query jm(String file, String offset, String limit, String job) {
        return new Query(null, file, offset, null, limit, job);
    }

    @Test
    void theListingHasEveryFileOfTheJobManagerAndEachTaskManager() {
        var listing = logs.listing();
        assertThat(listing.jobManager())
                .extracting(LogApi.LogFile::name)
                .containsExactly("c1-jobmanager.log", "c1-jobmanager.out");
        assertThat(listing.jobManager().get(1).size()).isEqualTo(7);
        assertThat(listing.taskManagers())
                .singleElement()
                .satisfies(t -> assertThat(t.id()).isEqualTo(TM));
    }

    @Test
    void theDefaultPageIsTheNewestLinesOfTheMainLog() {
        LogPage page = logs.page(jm(null, null, "2", null));
        assertThat(page.source()).isEqualTo(LogSource.JOBMANAGER);
        assertThat(page.file()).isEqualTo("c1-jobmanager.log");
        assertThat(page.lines())
                .containsExactly(
                        "Completed checkpoint 1 for job " + JOB, "Source of orders-job deployed");
        assertThat(page.previous()).isNotNull();
        assertThat(page.limit()).isEqualTo(2);
    }

    @Test
    void theMainLogIsNamedByTheProcessRoleWhenOneFolderHoldsEveryProcesssLogs() {
        files.put(TestingLogFiles.JM, "c1-taskmanager.log", "not mine\n");
        assertThat(logs.page(jm(null, null, null, null)).file()).isEqualTo("c1-jobmanager.log");
        files.put(TestingLogFiles.JM, "c1-jobmanager-2.log", "also mine?\n");
        assertThat(logs.page(jm(null, null, null, null)).file())
                .as("two candidates: the main log is read, unnamed")
                .isNull();
    }

    @Test
    void theJobFilterKeepsLinesNamingItsJobIdOrItsName() {
        files.names.put(JOB, "orders-job");
        LogPage page = logs.page(jm(null, "0", null, JOB.toHexString()));
        assertThat(page.job()).isEqualTo(JOB.toHexString());
        assertThat(page.lines())
                .hasSize(3)
                .noneMatch(l -> l.contains("ffff") || l.equals("booting"));

        files.names.clear();
        assertThat(logs.page(jm(null, "0", null, JOB.toHexString())).lines())
                .as("a job the cluster forgot is found by its JobID alone")
                .hasSize(2)
                .allMatch(l -> l.contains(JOB.toHexString()));
    }

    @Test
    void aTaskManagerLogIsPagedLikeTheJobManagers() {
        LogPage page = logs.page(new Query(TM, null, null, null, "2", null));
        assertThat(page.source()).isEqualTo(LogSource.TASKMANAGER);
        assertThat(page.taskManager()).isEqualTo(TM);
        assertThat(page.lines()).containsExactly("tm 2", "tm 3");
        assertThat(
                        logs.page(
                                        new Query(
                                                TM,
                                                null,
                                                null,
                                                String.valueOf(page.previous()),
                                                "2",
                                                null))
                                .lines())
                .containsExactly("tm 1");
    }

    @Test
    void badParametersAreRefusedNamingTheFieldBeforeAnyLogIsRead() {
        Map<Query, String> bad =
                Map.of(
                        jm(null, null, "0", null),
                        "limit",
                        jm(null, null, "1001", null),
                        "limit",
                        jm(null, null, "ten", null),
                        "limit",
                        jm(null, "-1", null, null),
                        "offset",
                        jm(null, "x", null, null),
                        "offset",
                        jm("../../etc/passwd", null, null, null),
                        "file",
                        jm(null, null, null, "not-a-job"),
                        "job",
                        new Query(null, null, "0", "5", null, null),
                        "before",
                        new Query(null, null, null, "-5", null, null),
                        "before");
        bad.forEach(
                (q, field) ->
                        assertThatThrownBy(() -> logs.page(q))
                                .as(q.toString())
                                .isInstanceOfSatisfying(
                                        ApiException.class,
                                        e -> {
                                            assertThat(e.status()).isEqualTo(400);
                                            assertThat(e.field()).isEqualTo(field);
                                        }));
        assertThat(files.opened).isEmpty();
    }

    @Test
    void unknownFilesAndTaskManagersAre404sNamingTheField() {
        assertThatThrownBy(() -> logs.page(jm("other.log", null, null, null)))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> {
                            assertThat(e.status()).isEqualTo(404);
                            assertThat(e.field()).isEqualTo("file");
                            assertThat(e.getMessage()).contains("c1-jobmanager.out");
                        });
        assertThatThrownBy(() -> logs.page(new Query("gone", null, null, null, null, null)))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> {
                            assertThat(e.status()).isEqualTo(404);
                            assertThat(e.field()).isEqualTo("taskManager");
                        });
    }

    @Test
    void anOffsetPastTheEndIsRefusedNamingTheOffset() {
        assertThatThrownBy(() -> logs.page(jm("c1-jobmanager.out", "100", null, null)))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.field()).isEqualTo("offset"));
    }

    @Test
    void anUnreachableJobManagerFailsAsFlinkDoes() {
        files.down = true;
        assertThatThrownBy(() -> logs.page(jm(null, null, null, null)))
                .isInstanceOf(FlinkRestException.class);
    }

    @Test
    void exceptionsShowTheNewestRootCauseInOneLineAndTheHistoryNewestFirst() {
        String trace =
                "org.apache.flink.runtime.JobException: Recovery is suppressed\n"
                        + "\tat x.y(Z.java:1)\n"
                        + "Caused by: java.lang.RuntimeException: wrapper\n"
                        + "Caused by: java.lang.NumberFormatException: For input string: \"abc\"\n"
                        + "\tat a.b(C.java:2)\n";
        RootExceptionInfo older =
                new RootExceptionInfo(
                        "java.lang.IllegalStateException",
                        "java.lang.IllegalStateException: first",
                        1000L,
                        Map.of(),
                        "Map (1/1)",
                        "127.0.0.1:1",
                        TM,
                        List.of());
        RootExceptionInfo newer =
                new RootExceptionInfo(
                        "org.apache.flink.runtime.JobException",
                        trace,
                        2000L,
                        Map.of(),
                        "Map (1/1)",
                        "127.0.0.1:1",
                        TM,
                        List.<ExceptionInfo>of(
                                new ExceptionInfo(
                                        "java.lang.Error", "java.lang.Error: also", 2000L)));
        files.exceptions.put(
                JOB,
                new JobExceptionsInfoWithHistory(
                        new JobExceptionHistory(List.of(older, newer), false)));

        JobExceptions ex = logs.exceptions(JOB.toHexString());
        assertThat(ex.rootCause().cause())
                .isEqualTo("java.lang.NumberFormatException: For input string: \"abc\"");
        assertThat(ex.rootCause().taskName()).isEqualTo("Map (1/1)");
        assertThat(ex.rootCause().taskManager()).isEqualTo(TM);
        assertThat(ex.rootCause().concurrent())
                .singleElement()
                .satisfies(c -> assertThat(c.cause()).isEqualTo("java.lang.Error: also"));
        assertThat(ex.history())
                .extracting(LogApi.Failure::cause)
                .containsExactly(
                        "java.lang.NumberFormatException: For input string: \"abc\"",
                        "java.lang.IllegalStateException: first");
        assertThat(ex.truncated()).isFalse();
    }

    @Test
    void aJobLevelFailureNamesTheTaskOfTheTaskFailureUnderIt() {
        RootExceptionInfo global =
                new RootExceptionInfo(
                        "org.apache.flink.runtime.JobException",
                        "org.apache.flink.runtime.JobException: Recovery is suppressed\n"
                                + "Caused by: java.lang.IllegalStateException: boom\n",
                        2000L,
                        Map.of(),
                        null,
                        null,
                        null,
                        List.of(
                                new ExceptionInfo(
                                        "java.lang.IllegalStateException",
                                        "java.lang.IllegalStateException: boom",
                                        1990L,
                                        Map.of(),
                                        "Source: orders -> Calc (1/1)",
                                        "localhost:1",
                                        TM)));
        files.exceptions.put(
                JOB,
                new JobExceptionsInfoWithHistory(new JobExceptionHistory(List.of(global), false)));
        LogApi.Failure root = logs.exceptions(JOB.toHexString()).rootCause();
        assertThat(root.cause()).isEqualTo("java.lang.IllegalStateException: boom");
        assertThat(root.taskName()).isEqualTo("Source: orders -> Calc (1/1)");
        assertThat(root.taskManager()).isEqualTo(TM);
    }

    @Test
    void exceptionsOfAHealthyJobAreEmptyAndOfAnUnknownJobA404() {
        files.exceptions.put(
                JOB, new JobExceptionsInfoWithHistory(new JobExceptionHistory(List.of(), false)));
        assertThat(logs.exceptions(JOB.toHexString()).rootCause()).isNull();
        assertThatThrownBy(() -> logs.exceptions("ffffffffffffffffffffffffffffffff"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> logs.exceptions("nope"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.field()).isEqualTo("jobId"));
    }
}
