package io.flotilla.supervisor.port;

import java.time.Instant;
import java.util.List;

/**
 * Reads a cluster's JobManager and TaskManager logs, a job's failures and the cluster's Flink
 * overview, for the API (the job and cluster pages and {@code flotilla logs}); the reconciler never
 * uses it.
 */
public interface ClusterLogs {

    /** Which process wrote a log. */
    enum LogSource {
        JOBMANAGER,
        TASKMANAGER
    }

    /**
     * One page to read; null fields take the sidecar's defaults (the main log, the newest lines,
     * 200 lines, every line). {@code taskManager} null with source TASKMANAGER reads the first one.
     */
    record LogQuery(
            LogSource source,
            String taskManager,
            String file,
            Long offset,
            Long before,
            Integer limit,
            String jobId) {}

    /**
     * One page of a log, linked as the sidecar links it: {@code next} as offset, {@code previous}
     * as before; {@code taskManagers} lists the cluster's TaskManagers when one was read.
     */
    record LogPage(
            String cluster,
            LogSource source,
            String taskManager,
            List<String> taskManagers,
            String file,
            String jobId,
            long offset,
            long end,
            Long previous,
            long next,
            int limit,
            List<String> lines) {}

    /** One failure: {@code cause} is the innermost cause's line of the stack trace. */
    record Failure(
            Instant time,
            String exception,
            String cause,
            String stacktrace,
            String taskName,
            String taskManager) {}

    /** A job's newest failure and its exception history, newest first. */
    record JobFailures(
            String cluster,
            String jobId,
            Failure rootCause,
            List<Failure> history,
            boolean truncated) {}

    /**
     * The cluster's Flink as its sidecar reports it; {@code error} says why Flink did not answer
     * the sidecar (then the rest is null).
     */
    record FlinkOverview(
            String version,
            Integer taskManagers,
            Integer slotsTotal,
            Integer slotsAvailable,
            String webUrl,
            String error) {}

    /** The cluster answered and refused the request (a bad or unknown parameter). */
    final class RefusedException extends RuntimeException {
        private final int status;
        private final String code;
        private final String field;

        public RefusedException(int status, String code, String field, String message) {
            super(message);
            this.status = status;
            this.code = code;
            this.field = field;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }

        public String field() {
            return field;
        }
    }

    /**
     * @throws ClusterUnreachableException when the cluster's sidecar does not answer
     * @throws RefusedException when the sidecar refuses a parameter
     */
    LogPage logs(String cluster, LogQuery query);

    /**
     * @throws ClusterUnreachableException when the cluster's sidecar does not answer
     * @throws RefusedException when the cluster does not know the job
     */
    JobFailures failures(String cluster, String jobId);

    /**
     * @throws ClusterUnreachableException when the cluster's sidecar does not answer
     */
    FlinkOverview overview(String cluster);
}
