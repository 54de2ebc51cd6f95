package io.flotilla.sidecar.flink;

import io.flotilla.sidecar.logs.LogApi.LogFile;
import io.flotilla.sidecar.logs.LogFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.clusterframework.types.ResourceID;
import org.apache.flink.runtime.rest.messages.EmptyMessageParameters;
import org.apache.flink.runtime.rest.messages.JobExceptionsInfoWithHistory;
import org.apache.flink.runtime.rest.messages.LogListInfo;
import org.apache.flink.runtime.rest.messages.MessageParameters;
import org.apache.flink.runtime.rest.messages.UntypedResponseMessageHeaders;
import org.apache.flink.runtime.rest.messages.cluster.FileMessageParameters;
import org.apache.flink.runtime.rest.messages.cluster.JobManagerCustomLogHeaders;
import org.apache.flink.runtime.rest.messages.cluster.JobManagerLogFileHeader;
import org.apache.flink.runtime.rest.messages.cluster.JobManagerLogListHeaders;
import org.apache.flink.runtime.rest.messages.taskmanager.TaskManagerCustomLogHeaders;
import org.apache.flink.runtime.rest.messages.taskmanager.TaskManagerFileMessageParameters;
import org.apache.flink.runtime.rest.messages.taskmanager.TaskManagerLogFileHeaders;
import org.apache.flink.runtime.rest.messages.taskmanager.TaskManagerLogsHeaders;
import org.apache.flink.runtime.rest.messages.taskmanager.TaskManagerMessageParameters;

/**
 * The cluster's logs through Flink's REST API and its own headers: lists are typed calls; files,
 * which Flink serves whole (no ranges), are streamed so the reader keeps only the page it needs.
 */
public final class FlinkLogs implements LogFiles {

    /** A whole large log crosses the loopback in well under this; a stuck read ends here. */
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);

    private final FlinkRest flink;
    private final HttpClient http;

    public FlinkLogs(FlinkRest flink) {
        this.flink = flink;
        this.http = HttpClient.newBuilder().connectTimeout(flink.timeout()).build();
    }

    @Override
    public List<LogFile> jobManagerFiles() {
        return files(
                flink.call(
                        JobManagerLogListHeaders.getInstance(),
                        EmptyMessageParameters.getInstance()));
    }

    @Override
    public List<String> taskManagers() {
        return flink.taskManagers().stream().sorted().toList();
    }

    @Override
    public List<LogFile> taskManagerFiles(String taskManager) {
        TaskManagerMessageParameters params = new TaskManagerMessageParameters();
        params.taskManagerIdParameter.resolve(new ResourceID(taskManager));
        return files(flink.call(TaskManagerLogsHeaders.getInstance(), params));
    }

    @Override
    public InputStream open(String taskManager, String file) {
        if (taskManager == null) {
            if (file == null) {
                return stream(
                        JobManagerLogFileHeader.getInstance(),
                        EmptyMessageParameters.getInstance());
            }
            FileMessageParameters params = new FileMessageParameters();
            params.logFileNamePathParameter.resolve(file);
            return stream(JobManagerCustomLogHeaders.getInstance(), params);
        }
        if (file == null) {
            TaskManagerMessageParameters params = new TaskManagerMessageParameters();
            params.taskManagerIdParameter.resolve(new ResourceID(taskManager));
            return stream(TaskManagerLogFileHeaders.getInstance(), params);
        }
        TaskManagerFileMessageParameters params = new TaskManagerFileMessageParameters();
        params.taskManagerIdParameter.resolve(new ResourceID(taskManager));
        params.logFileNamePathParameter.resolve(file);
        return stream(TaskManagerCustomLogHeaders.getInstance(), params);
    }

    @Override
    public Optional<String> jobName(JobID jobId) {
        try {
            return Optional.of(flink.job(jobId).getName());
        } catch (FlinkRestException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<JobExceptionsInfoWithHistory> exceptions(JobID jobId) {
        try {
            return Optional.of(flink.exceptions(jobId));
        } catch (FlinkRestException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static List<LogFile> files(LogListInfo info) {
        return info.getLogInfos().stream()
                .map(l -> new LogFile(l.getName(), l.getSize(), Instant.ofEpochMilli(l.getMtime())))
                .sorted(Comparator.comparing(LogFile::name))
                .toList();
    }

    private <M extends MessageParameters> InputStream stream(
            UntypedResponseMessageHeaders<?, M> headers, M params) {
        String path = MessageParameters.resolveUrl(headers.getTargetRestEndpointURL(), params);
        URI uri = URI.create(flink.restUrl().toString().replaceAll("/+$", "") + path);
        try {
            HttpResponse<InputStream> response =
                    http.send(
                            HttpRequest.newBuilder(uri).timeout(READ_TIMEOUT).GET().build(),
                            HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                String body;
                try (InputStream in = response.body()) {
                    body = new String(in.readNBytes(2048), StandardCharsets.UTF_8);
                }
                throw new FlinkRestException(
                        response.statusCode(), "GET " + path + " answered: " + body.strip(), null);
            }
            return response.body();
        } catch (IOException e) {
            throw new FlinkRestException(0, "cannot read " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlinkRestException(0, "interrupted while reading " + uri, e);
        }
    }
}
