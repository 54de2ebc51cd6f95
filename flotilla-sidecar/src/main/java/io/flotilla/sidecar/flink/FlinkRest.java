package io.flotilla.sidecar.flink;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.RecoveryClaimMode;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.messages.webmonitor.JobDetails;
import org.apache.flink.runtime.messages.webmonitor.MultipleJobsDetails;
import org.apache.flink.runtime.rest.FileUpload;
import org.apache.flink.runtime.rest.RestClient;
import org.apache.flink.runtime.rest.handler.async.AsynchronousOperationResult;
import org.apache.flink.runtime.rest.handler.async.TriggerResponse;
import org.apache.flink.runtime.rest.handler.legacy.messages.ClusterOverviewWithVersion;
import org.apache.flink.runtime.rest.messages.ClusterConfigurationInfoHeaders;
import org.apache.flink.runtime.rest.messages.ClusterOverviewHeaders;
import org.apache.flink.runtime.rest.messages.ConfigurationInfoEntry;
import org.apache.flink.runtime.rest.messages.EmptyMessageParameters;
import org.apache.flink.runtime.rest.messages.EmptyRequestBody;
import org.apache.flink.runtime.rest.messages.JobCancellationHeaders;
import org.apache.flink.runtime.rest.messages.JobCancellationMessageParameters;
import org.apache.flink.runtime.rest.messages.JobExceptionsHeaders;
import org.apache.flink.runtime.rest.messages.JobExceptionsInfoWithHistory;
import org.apache.flink.runtime.rest.messages.JobMessageParameters;
import org.apache.flink.runtime.rest.messages.JobsOverviewHeaders;
import org.apache.flink.runtime.rest.messages.MessageHeaders;
import org.apache.flink.runtime.rest.messages.MessageParameters;
import org.apache.flink.runtime.rest.messages.RequestBody;
import org.apache.flink.runtime.rest.messages.ResponseBody;
import org.apache.flink.runtime.rest.messages.TerminationModeQueryParameter;
import org.apache.flink.runtime.rest.messages.TriggerId;
import org.apache.flink.runtime.rest.messages.checkpoints.CheckpointingStatistics;
import org.apache.flink.runtime.rest.messages.checkpoints.CheckpointingStatisticsHeaders;
import org.apache.flink.runtime.rest.messages.job.JobDetailsHeaders;
import org.apache.flink.runtime.rest.messages.job.JobDetailsInfo;
import org.apache.flink.runtime.rest.messages.job.JobExceptionsMessageParameters;
import org.apache.flink.runtime.rest.messages.job.savepoints.SavepointInfo;
import org.apache.flink.runtime.rest.messages.job.savepoints.SavepointStatusHeaders;
import org.apache.flink.runtime.rest.messages.job.savepoints.SavepointStatusMessageParameters;
import org.apache.flink.runtime.rest.messages.job.savepoints.SavepointTriggerHeaders;
import org.apache.flink.runtime.rest.messages.job.savepoints.SavepointTriggerMessageParameters;
import org.apache.flink.runtime.rest.messages.job.savepoints.SavepointTriggerRequestBody;
import org.apache.flink.runtime.rest.messages.job.savepoints.stop.StopWithSavepointRequestBody;
import org.apache.flink.runtime.rest.messages.job.savepoints.stop.StopWithSavepointTriggerHeaders;
import org.apache.flink.runtime.rest.messages.taskmanager.TaskManagersHeaders;
import org.apache.flink.runtime.rest.util.RestClientException;
import org.apache.flink.runtime.webmonitor.handlers.JarListHeaders;
import org.apache.flink.runtime.webmonitor.handlers.JarListInfo;
import org.apache.flink.runtime.webmonitor.handlers.JarRunHeaders;
import org.apache.flink.runtime.webmonitor.handlers.JarRunMessageParameters;
import org.apache.flink.runtime.webmonitor.handlers.JarRunRequestBody;
import org.apache.flink.runtime.webmonitor.handlers.JarUploadHeaders;
import org.apache.flink.runtime.webmonitor.handlers.JarUploadResponseBody;

/**
 * The one port to a session cluster's REST API, built on Flink's own RestClient and message classes
 * so requests and responses cannot drift from what the JobManager speaks.
 */
public final class FlinkRest implements AutoCloseable {

    private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(2);

    /** Requests sent at once by the calls that fetch one thing per job. */
    private static final int IN_FLIGHT = 8;

    private final URI restUrl;
    private final String host;
    private final int port;
    private final Duration timeout;
    private final ExecutorService executor;
    private final RestClient client;

    private FlinkRest(URI restUrl, Duration timeout) {
        this.restUrl = restUrl;
        this.host = restUrl.getHost();
        this.port = restUrl.getPort();
        this.timeout = timeout;
        this.executor =
                Executors.newFixedThreadPool(
                        2,
                        r -> {
                            Thread t = new Thread(r, "flink-rest-" + restUrl.getPort());
                            t.setDaemon(true);
                            return t;
                        });
        try {
            Configuration conf = new Configuration();
            conf.set(RestOptions.CONNECTION_TIMEOUT, timeout);
            conf.set(RestOptions.IDLENESS_TIMEOUT, Duration.ofMinutes(5));
            // Jar uploads are far larger than the 100 MiB default allows for headroom.
            conf.set(RestOptions.CLIENT_MAX_CONTENT_LENGTH, 512 * 1024 * 1024);
            URL url = restUrl.toURL();
            this.client = RestClient.forUrl(conf, executor, url);
        } catch (Exception e) {
            executor.shutdownNow();
            throw new FlinkRestException(0, "cannot create a REST client for " + restUrl, e);
        }
    }

    /** A port to the cluster whose REST API answers at {@code restUrl}. */
    public static FlinkRest connect(URI restUrl, Duration timeout) {
        return new FlinkRest(restUrl, timeout);
    }

    /** How long a call may take. */
    Duration timeout() {
        return timeout;
    }

    /** Where the JobManager's REST API answers. */
    public URI restUrl() {
        return restUrl;
    }

    /** {@code GET /overview}: TaskManagers, slots and job counts. */
    public ClusterOverviewWithVersion overview() {
        return call(ClusterOverviewHeaders.getInstance(), EmptyMessageParameters.getInstance());
    }

    /** {@code GET /jobs/overview}: every job the JobManager knows, running or finished. */
    public Collection<JobDetails> jobs() {
        MultipleJobsDetails details =
                call(JobsOverviewHeaders.getInstance(), EmptyMessageParameters.getInstance());
        return details.getJobs();
    }

    /** {@code GET /jobs/:id}. */
    public JobDetailsInfo job(JobID jobId) {
        return call(JobDetailsHeaders.getInstance(), jobParams(jobId));
    }

    /** {@code GET /jobs/:id/checkpoints}: counts, latest completed and restored checkpoint. */
    public CheckpointingStatistics checkpoints(JobID jobId) {
        return call(CheckpointingStatisticsHeaders.getInstance(), jobParams(jobId));
    }

    /**
     * {@code GET /jobs/:id/checkpoints} for several jobs, a few at a time in flight: a list call of
     * a cluster with many jobs waited for each one in turn. In the order given; a call that failed
     * gives its error, so one job's missing statistics do not fail the others.
     */
    public List<Checkpoints> checkpoints(List<JobID> jobIds) {
        List<Checkpoints> out = new ArrayList<>(jobIds.size());
        for (int from = 0; from < jobIds.size(); from += IN_FLIGHT) {
            List<CompletableFuture<CheckpointingStatistics>> sent = new ArrayList<>();
            for (JobID id : jobIds.subList(from, Math.min(from + IN_FLIGHT, jobIds.size()))) {
                sent.add(
                        send(
                                CheckpointingStatisticsHeaders.getInstance(),
                                jobParams(id),
                                EmptyRequestBody.getInstance(),
                                List.of()));
            }
            for (CompletableFuture<CheckpointingStatistics> f : sent) {
                try {
                    out.add(new Checkpoints(await(f, timeout), null));
                } catch (FlinkRestException e) {
                    out.add(new Checkpoints(null, e));
                }
            }
        }
        return out;
    }

    /** One job's checkpoint statistics, or why Flink gave none. */
    public record Checkpoints(CheckpointingStatistics stats, FlinkRestException error) {}

    /** {@code GET /jobmanager/config}: the JobManager's configuration as it reports it. */
    public Map<String, String> configuration() {
        Map<String, String> out = new LinkedHashMap<>();
        for (ConfigurationInfoEntry e :
                call(
                        ClusterConfigurationInfoHeaders.getInstance(),
                        EmptyMessageParameters.getInstance())) {
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    /** {@code GET /jars}: the ids of the jars uploaded to the JobManager. */
    public List<String> jars() {
        JarListInfo info = call(JarListHeaders.getInstance(), EmptyMessageParameters.getInstance());
        return info.jarFileList.stream().map(f -> f.id).toList();
    }

    /** {@code GET /jobs/:id/exceptions}: the root exception and the exception history. */
    public JobExceptionsInfoWithHistory exceptions(JobID jobId) {
        JobExceptionsMessageParameters params = new JobExceptionsMessageParameters();
        params.jobPathParameter.resolve(jobId);
        return call(JobExceptionsHeaders.getInstance(), params);
    }

    /** {@code GET /taskmanagers}: the ids of the TaskManagers, for log links. */
    public List<String> taskManagers() {
        return call(TaskManagersHeaders.getInstance(), EmptyMessageParameters.getInstance())
                .getTaskManagerInfos()
                .stream()
                .map(t -> t.getResourceId().getResourceIdString())
                .toList();
    }

    /** {@code POST /jars/upload}: returns the jar id the JobManager stored it under. */
    public String uploadJar(Path jar) {
        JarUploadResponseBody body =
                await(
                        send(
                                JarUploadHeaders.getInstance(),
                                EmptyMessageParameters.getInstance(),
                                EmptyRequestBody.getInstance(),
                                List.of(new FileUpload(jar, "application/x-java-archive"))),
                        UPLOAD_TIMEOUT);
        return Path.of(body.getFilename()).getFileName().toString();
    }

    /**
     * {@code POST /jars/:jarid/run} with the caller's JobID; refused if that JobID runs. State is
     * restored in NO_CLAIM mode: Flink never takes ownership of (or deletes) a checkpoint or
     * savepoint it starts from, since Flotilla's retention owns them.
     */
    public JobID runJar(String jarId, JarRun run) {
        JarRunMessageParameters params =
                JarRunHeaders.getInstance().getUnresolvedMessageParameters();
        params.jarIdPathParameter.resolve(jarId);
        JarRunRequestBody body =
                new JarRunRequestBody(
                        run.entryClass(),
                        run.args(),
                        run.parallelism(),
                        run.jobId(),
                        run.allowNonRestoredState(),
                        run.savepointPath(),
                        RecoveryClaimMode.NO_CLAIM,
                        run.flinkConfiguration().isEmpty() ? null : run.flinkConfiguration());
        return await(send(JarRunHeaders.getInstance(), params, body, List.of()), UPLOAD_TIMEOUT)
                .getJobId();
    }

    /** {@code POST /jobs/:id/stop}: starts stop-with-savepoint; poll {@link #savepoint}. */
    public TriggerId stopWithSavepoint(JobID jobId, String targetDirectory, boolean drain) {
        SavepointTriggerMessageParameters params =
                StopWithSavepointTriggerHeaders.getInstance().getUnresolvedMessageParameters();
        params.jobID.resolve(jobId);
        TriggerResponse response =
                call(
                        StopWithSavepointTriggerHeaders.getInstance(),
                        params,
                        new StopWithSavepointRequestBody(
                                targetDirectory, drain, SavepointFormatType.CANONICAL, null));
        return response.getTriggerId();
    }

    /** {@code POST /jobs/:id/savepoints}: a savepoint while the job keeps running. */
    public TriggerId triggerSavepoint(JobID jobId, String targetDirectory) {
        SavepointTriggerMessageParameters params =
                SavepointTriggerHeaders.getInstance().getUnresolvedMessageParameters();
        params.jobID.resolve(jobId);
        TriggerResponse response =
                call(
                        SavepointTriggerHeaders.getInstance(),
                        params,
                        new SavepointTriggerRequestBody(
                                targetDirectory, false, SavepointFormatType.CANONICAL, null));
        return response.getTriggerId();
    }

    /** {@code GET /jobs/:id/savepoints/:triggerid}: in progress, or the location or the failure. */
    public AsynchronousOperationResult<SavepointInfo> savepoint(JobID jobId, TriggerId triggerId) {
        SavepointStatusMessageParameters params =
                SavepointStatusHeaders.getInstance().getUnresolvedMessageParameters();
        params.jobIdPathParameter.resolve(jobId);
        params.triggerIdPathParameter.resolve(triggerId);
        return call(SavepointStatusHeaders.getInstance(), params);
    }

    /** {@code PATCH /jobs/:id?mode=cancel}. */
    public void cancel(JobID jobId) {
        JobCancellationMessageParameters params =
                new JobCancellationMessageParameters()
                        .resolveJobId(jobId)
                        .resolveTerminationMode(
                                TerminationModeQueryParameter.TerminationMode.CANCEL);
        call(JobCancellationHeaders.getInstance(), params);
    }

    private static JobMessageParameters jobParams(JobID jobId) {
        JobMessageParameters params = new JobMessageParameters();
        params.jobPathParameter.resolve(jobId);
        return params;
    }

    /** A GET through Flink's own headers, for the other adapters of this package. */
    <P extends ResponseBody, U extends MessageParameters> P call(
            MessageHeaders<EmptyRequestBody, P, U> headers, U params) {
        return call(headers, params, EmptyRequestBody.getInstance());
    }

    private <R extends RequestBody, P extends ResponseBody, U extends MessageParameters> P call(
            MessageHeaders<R, P, U> headers, U params, R body) {
        return await(send(headers, params, body, List.of()), timeout);
    }

    private <R extends RequestBody, P extends ResponseBody, U extends MessageParameters>
            CompletableFuture<P> send(
                    MessageHeaders<R, P, U> headers,
                    U params,
                    R body,
                    Collection<FileUpload> files) {
        try {
            return client.sendRequest(host, port, headers, params, body, files);
        } catch (IOException e) {
            throw new FlinkRestException(0, "cannot send " + headers.getTargetRestEndpointURL(), e);
        }
    }

    private <P> P await(CompletableFuture<P> future, Duration limit) {
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlinkRestException(0, "interrupted while calling " + host + ":" + port, e);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new FlinkRestException(
                    0, "no answer from Flink at " + host + ":" + port + " within " + limit, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RestClientException rce) {
                throw new FlinkRestException(
                        rce.getHttpResponseStatus().code(), rce.getMessage(), rce);
            }
            throw new FlinkRestException(
                    0, "cannot reach Flink at " + host + ":" + port + ": " + cause, cause);
        }
    }

    @Override
    public void close() {
        client.closeAsync();
        executor.shutdownNow();
    }
}
