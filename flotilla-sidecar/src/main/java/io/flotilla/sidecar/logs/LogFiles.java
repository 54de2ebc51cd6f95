package io.flotilla.sidecar.logs;

import io.flotilla.sidecar.logs.LogApi.LogFile;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.rest.messages.JobExceptionsInfoWithHistory;

/** What the log routes read from the cluster: log files, one file streamed, job names, failures. */
public interface LogFiles {

    /** The JobManager's log files. */
    List<LogFile> jobManagerFiles();

    /** The ids of the TaskManagers connected now. */
    List<String> taskManagers();

    /** The log files of one TaskManager of {@link #taskManagers()}. */
    List<LogFile> taskManagerFiles(String taskManager);

    /**
     * Streams a log file from its start; {@code taskManager} null for the JobManager's, {@code
     * file} null for the process's main log. The caller closes the stream.
     */
    InputStream open(String taskManager, String file);

    /** The job's name, or empty when the cluster does not know the job. */
    Optional<String> jobName(JobID jobId);

    /** The job's exception history, or empty when the cluster does not know the job. */
    Optional<JobExceptionsInfoWithHistory> exceptions(JobID jobId);
}
