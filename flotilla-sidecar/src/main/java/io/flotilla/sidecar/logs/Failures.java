package io.flotilla.sidecar.logs;

import io.flotilla.sidecar.logs.LogApi.Failure;
import io.flotilla.sidecar.logs.LogApi.JobExceptions;
import java.time.Instant;
import java.util.List;
import org.apache.flink.runtime.rest.messages.JobExceptionsInfoWithHistory;
import org.apache.flink.runtime.rest.messages.JobExceptionsInfoWithHistory.ExceptionInfo;
import org.apache.flink.runtime.rest.messages.JobExceptionsInfoWithHistory.RootExceptionInfo;

/** Flink's exception history as the sidecar answers it, each entry with its cause in one line. */
final class Failures {

    private static final String CAUSED_BY = "Caused by: ";

    private Failures() {}

    static JobExceptions of(String jobId, JobExceptionsInfoWithHistory info) {
        var history = info.getExceptionHistory();
        List<Failure> entries =
                history.getEntries().stream()
                        .map(
                                e ->
                                        failure(
                                                e,
                                                e.getConcurrentExceptions().stream()
                                                        .map(c -> failure(c, List.of()))
                                                        .toList()))
                        .sorted((a, b) -> b.time().compareTo(a.time()))
                        .toList();
        return new JobExceptions(
                jobId, entries.isEmpty() ? null : entries.get(0), entries, history.isTruncated());
    }

    /**
     * A job-level failure ("Recovery is suppressed ...") names no task; the task failure that
     * caused it is among its concurrent exceptions, so the root entry takes that one's task.
     */
    private static Failure failure(ExceptionInfo e, List<Failure> concurrent) {
        Failure task =
                e.getTaskName() == null
                        ? concurrent.stream()
                                .filter(c -> c.taskName() != null)
                                .findFirst()
                                .orElse(null)
                        : null;
        return new Failure(
                Instant.ofEpochMilli(e.getTimestamp()),
                e.getExceptionName(),
                cause(e.getExceptionName(), e.getStacktrace()),
                e.getStacktrace(),
                task != null ? task.taskName() : e.getTaskName(),
                task != null ? task.endpoint() : e.getEndpoint(),
                task != null ? task.taskManager() : e.getTaskManagerId(),
                e instanceof RootExceptionInfo ? concurrent : List.of());
    }

    /** The innermost "Caused by" line: what went wrong, under the wrappers Flink adds. */
    static String cause(String exceptionName, String stacktrace) {
        if (stacktrace == null || stacktrace.isBlank()) {
            return exceptionName;
        }
        String cause = null;
        for (String line : stacktrace.split("\\R")) {
            if (line.startsWith(CAUSED_BY)) {
                cause = line.substring(CAUSED_BY.length());
            }
        }
        return cause != null ? cause.strip() : stacktrace.lines().findFirst().orElse("").strip();
    }
}
