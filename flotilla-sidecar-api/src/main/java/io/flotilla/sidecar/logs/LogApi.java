package io.flotilla.sidecar.logs;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** The request and response bodies of the sidecar's log and exception-history routes. */
public final class LogApi {

    /** The most lines one page may hold; larger limits are refused. */
    public static final int MAX_LIMIT = 1000;

    /** The page size when the caller names none. */
    public static final int DEFAULT_LIMIT = 200;

    private LogApi() {}

    /** Which process wrote a log. */
    public enum LogSource {
        JOBMANAGER,
        TASKMANAGER
    }

    /** One log file of a JobManager or TaskManager, as Flink lists it. */
    public record LogFile(String name, long size, Instant modified) {}

    /** One TaskManager and its log files. */
    public record TaskManagerLogs(String id, List<LogFile> files) {}

    /** {@code GET /v1/logs}: every log file of the cluster. */
    public record LogListing(List<LogFile> jobManager, List<TaskManagerLogs> taskManagers) {}

    /**
     * One page of a log: {@code lines} span bytes {@code offset} to {@code end} of {@code file}.
     * Pass {@code next} as {@code offset} for the lines after them (also to follow a growing log),
     * {@code previous} as {@code before} for the lines before them (null at the start). With {@code
     * job} set, only lines naming that job (its JobID or its name) are counted and returned. {@code
     * file} is null when the main log was read and the listing does not tell its name.
     */
    public record LogPage(
            LogSource source,
            String taskManager,
            @Schema(
                            description =
                                    "the file read; null when the main log was read and the"
                                            + " listing does not tell its name")
                    String file,
            String job,
            long offset,
            long end,
            @Schema(
                            description =
                                    "pass as before for the lines before this page; null at the start")
                    Long previous,
            @Schema(description = "pass as offset for the lines after this page") long next,
            int limit,
            List<String> lines) {}

    /**
     * One failure of a job as Flink recorded it: {@code exception} is the class Flink reports,
     * {@code cause} the innermost cause's line of the stack trace (what went wrong, in one line);
     * {@code concurrent} only on root entries.
     */
    public record Failure(
            Instant time,
            String exception,
            @Schema(description = "the innermost cause's line of the stack trace") String cause,
            String stacktrace,
            String taskName,
            String endpoint,
            String taskManager,
            List<Failure> concurrent) {}

    /**
     * {@code GET /v1/jobs/{jobId}/exceptions}: the newest failure (its root cause) and the history,
     * newest first; {@code truncated} when Flink kept only the newest entries.
     */
    public record JobExceptions(
            String jobId, Failure rootCause, List<Failure> history, boolean truncated) {}
}
