package io.flotilla.sidecar.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.http.ApiCallException;
import io.flotilla.http.ApiClient;
import io.flotilla.http.ApiUnreachableException;
import io.flotilla.http.Endpoint;
import io.flotilla.http.FencingGuard;
import io.flotilla.http.Json;
import io.flotilla.sidecar.jobs.JobApi;
import io.flotilla.sidecar.logs.LogApi;
import io.flotilla.sidecar.state.StateApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * A typed client of one sidecar's HTTP API, for the supervisor, the CLI and the tests: one method
 * per {@link SidecarEndpoints} entry. A refusal throws {@link SidecarException} (an {@link
 * io.flotilla.http.ApiCallException}); a sidecar that does not answer throws {@link
 * ApiUnreachableException}. {@link #get}, {@link #post} and {@link #send} are raw calls for tests
 * of malformed input and of error answers.
 */
public final class SidecarClient {

    /** A raw response with its status and JSON body. */
    public record Reply(int status, JsonNode body) {

        /** The body as {@code type}; fails with the sidecar's error when the status is not 2xx. */
        public <T> T as(Class<T> type) {
            if (status / 100 != 2) {
                throw new SidecarException(status, body);
            }
            return Json.MAPPER.convertValue(body, type);
        }
    }

    private final URI base;
    private final String token;
    private final Long fencingToken;
    private final HttpClient http;
    private final ApiClient api;

    public SidecarClient(URI base, String token) {
        this(base, token, null);
    }

    /** A client of a sidecar serving TLS with a certificate {@code ssl} trusts (null: default). */
    public SidecarClient(URI base, String token, SSLContext ssl) {
        this(base, token, null, http(ssl), new ApiClient(base, token, ssl));
    }

    private SidecarClient(
            URI base, String token, Long fencingToken, HttpClient http, ApiClient api) {
        this.base = base;
        this.token = token;
        this.fencingToken = fencingToken;
        this.http = http;
        this.api = api;
    }

    private static HttpClient http(SSLContext ssl) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (ssl != null) {
            b.sslContext(ssl);
        }
        return b.build();
    }

    /** A client whose changes carry a leader's fencing token, refused once a newer leader acts. */
    public SidecarClient fenced(long fencingToken) {
        return new SidecarClient(base, token, fencingToken, http, api.fenced(fencingToken));
    }

    private <Q, R> R call(Endpoint<Q, R> endpoint, Q body, String... params) {
        try {
            return api.call(endpoint, body, params);
        } catch (ApiCallException e) {
            throw SidecarException.of(e);
        }
    }

    public SidecarEndpoints.Health health() {
        return call(SidecarEndpoints.HEALTH, null);
    }

    public JobApi.Submitted submit(JobApi.SubmitRequest request) {
        return call(SidecarEndpoints.SUBMIT, request);
    }

    public List<JobApi.JobView> jobs() {
        return call(SidecarEndpoints.LIST_JOBS, null).jobs();
    }

    public JobApi.JobDetail job(String jobId) {
        return call(SidecarEndpoints.GET_JOB, null, jobId);
    }

    public JobApi.Operation stop(String jobId, boolean drain) {
        return call(SidecarEndpoints.STOP, new JobApi.StopRequest(drain, null), jobId);
    }

    public JobApi.Operation savepoint(String jobId, String targetDirectory) {
        return call(
                SidecarEndpoints.SAVEPOINT, new JobApi.SavepointRequest(targetDirectory), jobId);
    }

    public JobApi.Operation cancel(String jobId) {
        return call(SidecarEndpoints.CANCEL, null, jobId);
    }

    public JobApi.Operation operation(String id) {
        return call(SidecarEndpoints.OPERATION, null, id);
    }

    public JobApi.Artifact artifact(JobApi.ArtifactRef ref) {
        return call(SidecarEndpoints.ARTIFACT, ref);
    }

    public StateApi.Listing state() {
        return call(SidecarEndpoints.STATE, null);
    }

    /**
     * The checkpoints and savepoints of {@code jobIds} only, from their folders (a sidecar without
     * the filter lists everything).
     */
    public StateApi.Listing stateOfJobs(java.util.Collection<String> jobIds) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("jobs", String.join(",", jobIds));
        try {
            return api.exchange(SidecarEndpoints.STATE, q, null).body();
        } catch (ApiCallException e) {
            throw SidecarException.of(e);
        }
    }

    /** The entries under {@code path} only (a sidecar without the filter lists everything). */
    public StateApi.Listing state(String under) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("under", under);
        try {
            return api.exchange(SidecarEndpoints.STATE, q, null).body();
        } catch (ApiCallException e) {
            throw SidecarException.of(e);
        }
    }

    public StateApi.Outcome deleteState(StateApi.DeleteRequest request) {
        return call(SidecarEndpoints.DELETE_STATE, request);
    }

    public StateApi.Outcome retention(StateApi.RetentionRequest request) {
        return call(SidecarEndpoints.RETENTION, request);
    }

    /** Every log file of the cluster's JobManager and TaskManagers, with sizes. */
    public LogApi.LogListing logs() {
        return call(SidecarEndpoints.LOGS, null);
    }

    /**
     * A page of a log; {@code taskManager} null reads the JobManager's. Null arguments take the
     * sidecar's defaults: the main log file, the newest lines, {@value LogApi#DEFAULT_LIMIT} lines,
     * every line. {@code offset}: the lines from there on; {@code before}: the lines before it.
     */
    public LogApi.LogPage log(
            String taskManager,
            String file,
            Long offset,
            Long before,
            Integer limit,
            String jobId) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("file", file);
        q.put("offset", offset == null ? null : offset.toString());
        q.put("before", before == null ? null : before.toString());
        q.put("limit", limit == null ? null : limit.toString());
        q.put("job", jobId);
        try {
            return taskManager == null
                    ? api.exchange(SidecarEndpoints.JOBMANAGER_LOG, q, null).body()
                    : api.exchange(SidecarEndpoints.TASKMANAGER_LOG, q, null, taskManager).body();
        } catch (ApiCallException e) {
            throw SidecarException.of(e);
        }
    }

    /** A job's root cause and exception history, newest first. */
    public LogApi.JobExceptions exceptions(String jobId) {
        return call(SidecarEndpoints.EXCEPTIONS, null, jobId);
    }

    /** Polls an operation until it is no longer IN_PROGRESS. */
    public JobApi.Operation await(JobApi.Operation op, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        JobApi.Operation current = op;
        while (current.status().equals("IN_PROGRESS")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "operation " + op.id() + " still in progress after " + limit);
            }
            sleep(50);
            current = operation(op.id());
        }
        return current;
    }

    /** A raw GET, for tests. */
    public Reply get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** A raw POST of {@code body} (a record, or bytes sent as they are), for tests. */
    public Reply post(String path, Object body) {
        HttpRequest.BodyPublisher publisher =
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(
                                body instanceof byte[] b ? b : Json.write(body));
        return send(
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Content-Type", "application/json")
                        .POST(publisher));
    }

    /** Sends a request with this client's token; for tests of raw and malformed input. */
    public Reply send(HttpRequest.Builder request) {
        if (fencingToken != null) {
            request.header(FencingGuard.HEADER, String.valueOf(fencingToken));
        }
        try {
            HttpResponse<byte[]> response =
                    http.send(
                            request.header("Authorization", "Bearer " + token)
                                    .timeout(Duration.ofMinutes(3))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            byte[] bytes = response.body();
            JsonNode body =
                    bytes.length == 0
                            ? Json.MAPPER.createObjectNode()
                            : response.headers()
                                            .firstValue("Content-Type")
                                            .orElse("")
                                            .startsWith("application/json")
                                    ? Json.MAPPER.readTree(bytes)
                                    : Json.MAPPER.valueToTree(Map.of("text", new String(bytes)));
            return new Reply(response.statusCode(), body);
        } catch (IOException e) {
            throw new ApiUnreachableException(base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
