package io.flotilla.sidecar.logs;

import io.flotilla.http.ApiException;
import io.flotilla.sidecar.jobs.JobService;
import io.flotilla.sidecar.logs.LogApi.JobExceptions;
import io.flotilla.sidecar.logs.LogApi.LogFile;
import io.flotilla.sidecar.logs.LogApi.LogListing;
import io.flotilla.sidecar.logs.LogApi.LogPage;
import io.flotilla.sidecar.logs.LogApi.LogSource;
import io.flotilla.sidecar.logs.LogApi.TaskManagerLogs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.flink.api.common.JobID;

/**
 * The logs API: lists the cluster's log files, pages through one (newest lines by default),
 * optionally only the lines naming a job, and reads a job's exception history.
 */
public final class LogService {

    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");
    private static final Pattern JOB_ID = Pattern.compile("[0-9a-f]{32}");

    /** Names shorter than this match too many unrelated lines to be a filter. */
    private static final int MIN_NAME = 4;

    /** One page request as the route parsed it; null fields take the defaults. */
    public record Query(
            String taskManager,
            String file,
            String offset,
            String before,
            String limit,
            String job) {}

    private final LogFiles files;

    public LogService(LogFiles files) {
        this.files = files;
    }

    /** Every log file of the JobManager and of each TaskManager. */
    public LogListing listing() {
        List<TaskManagerLogs> tms = new ArrayList<>();
        for (String tm : files.taskManagers()) {
            tms.add(new TaskManagerLogs(tm, files.taskManagerFiles(tm)));
        }
        return new LogListing(files.jobManagerFiles(), tms);
    }

    /** One page of a log; every bad parameter is refused before the log is read. */
    public LogPage page(Query q) {
        int limit = limit(q.limit());
        Long offset = position("offset", q.offset());
        Long before = position("before", q.before());
        if (offset != null && before != null) {
            throw ApiException.badRequest(
                    "invalid_field",
                    "before",
                    "pass offset (the lines from there on) or before (the lines before it), not both");
        }
        String job = q.job();
        if (job != null && !JOB_ID.matcher(job).matches()) {
            throw ApiException.badRequest(
                    "invalid_field",
                    "job",
                    "job is a JobID, 32 lower-case hex digits (e.g. 4a5b6c7d8e9f00112233445566778899), got '"
                            + job
                            + "'");
        }
        String tm = q.taskManager();
        if (tm != null && !files.taskManagers().contains(tm)) {
            throw new ApiException(
                    404,
                    "unknown_taskmanager",
                    "no TaskManager "
                            + tm
                            + " is connected; the connected ones are listed by GET /v1/logs",
                    "taskManager",
                    null);
        }
        List<LogFile> listed = tm == null ? files.jobManagerFiles() : files.taskManagerFiles(tm);
        String file = file(q.file(), listed, tm == null);
        LogPager.LineFilter filter = LogPager.LineFilter.ALL;
        if (job != null) {
            List<String> needles = new ArrayList<>(List.of(job));
            Optional<String> name = files.jobName(JobID.fromHexString(job));
            name.filter(n -> n.length() >= MIN_NAME).ifPresent(needles::add);
            filter = LogPager.LineFilter.containing(needles);
        }
        LogPager.Window w;
        try (InputStream in = files.open(tm, q.file())) {
            w = LogPager.page(in, offset, before, limit, filter);
        } catch (LogPager.OffsetBeyondEndException e) {
            String field = offset != null ? "offset" : "before";
            throw ApiException.badRequest(
                    "invalid_field",
                    field,
                    field
                            + " "
                            + e.getMessage()
                            + ": pass a page's next as offset, or its previous as before");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LogPage(
                tm == null ? LogSource.JOBMANAGER : LogSource.TASKMANAGER,
                tm,
                file,
                job,
                w.offset(),
                w.end(),
                w.previous(),
                w.next(),
                limit,
                w.lines());
    }

    /** The job's root cause and exception history; 404 if the cluster does not know the job. */
    public JobExceptions exceptions(String jobIdText) {
        JobID jobId = JobService.parseJobId(jobIdText);
        return files.exceptions(jobId)
                .map(info -> Failures.of(jobIdText, info))
                .orElseThrow(
                        () ->
                                new ApiException(
                                        404,
                                        "unknown_job",
                                        "the cluster knows no job "
                                                + jobIdText
                                                + ": list jobs with GET /v1/jobs"));
    }

    private static int limit(String text) {
        if (text == null) {
            return LogApi.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= LogApi.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below with the rule
        }
        throw ApiException.badRequest(
                "invalid_field",
                "limit",
                "limit is the number of lines of a page, 1 to "
                        + LogApi.MAX_LIMIT
                        + " (default "
                        + LogApi.DEFAULT_LIMIT
                        + "), got '"
                        + text
                        + "'");
    }

    private static Long position(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            long offset = Long.parseLong(text);
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // refused below with the rule
        }
        throw ApiException.badRequest(
                "invalid_field",
                field,
                field
                        + " is a byte position in the log, 0 or more: a page's next as offset, its previous as before (leave both out for the newest lines), got '"
                        + text
                        + "'");
    }

    /**
     * The file's listed name; without one, the main log's name when the listing tells it (one
     * ".log", or one named for the process's role: a local platform keeps every process's logs in
     * one folder, which each process lists), else null: the main log, unnamed.
     */
    private static String file(String file, List<LogFile> listed, boolean jobManager) {
        List<String> names = listed.stream().map(LogFile::name).toList();
        if (file == null) {
            List<String> logs = names.stream().filter(n -> n.endsWith(".log")).toList();
            if (logs.size() == 1) {
                return logs.get(0);
            }
            List<String> roles =
                    jobManager
                            ? List.of("jobmanager", "standalonesession")
                            : List.of("taskmanager", "taskexecutor");
            List<String> own =
                    logs.stream().filter(n -> roles.stream().anyMatch(n::contains)).toList();
            return own.size() == 1 ? own.get(0) : null;
        }
        if (!FILE.matcher(file).matches()) {
            throw ApiException.badRequest(
                    "invalid_field",
                    "file",
                    "file is a log file's name as GET /v1/logs lists it (letters, digits, '.', '_', '-'), got '"
                            + file
                            + "'");
        }
        if (!names.contains(file)) {
            throw new ApiException(
                    404,
                    "unknown_log_file",
                    "no log file '" + file + "' here; the files are " + names,
                    "file",
                    null);
        }
        return file;
    }
}
