package io.flotilla.bench.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.flotilla.http.ApiException;
import io.flotilla.http.FencingGuard;
import io.flotilla.http.Json;
import io.flotilla.sidecar.jobs.JobApi;
import io.flotilla.sidecar.state.StateApi;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sidecar without a cluster behind it, for scale simulation only: the same HTTP API for the calls
 * the supervisor makes (list, submit, stop, operation, cancel, retention), jobs kept in memory and
 * RUNNING at once. {@code SidecarContractITCase} runs the same cases against it and the real
 * sidecar, so it cannot drift from what it stands for.
 */
public final class SimulatedSidecar implements AutoCloseable {

    private final String cluster;
    private final String token;
    private final HttpServer server;
    private final FencingGuard fencing = new FencingGuard();
    private final Map<String, JobApi.JobView> jobs = new LinkedHashMap<>();
    private final Map<String, String> finalSavepoints = new LinkedHashMap<>();
    private final AtomicLong requests = new AtomicLong();

    public SimulatedSidecar(String cluster, String token) throws IOException {
        this.cluster = cluster;
        this.token = token;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(
                Executors.newFixedThreadPool(
                        2,
                        r -> {
                            Thread t = new Thread(r, "sim-" + cluster);
                            t.setDaemon(true);
                            return t;
                        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Requests served so far. */
    public long requests() {
        return requests.get();
    }

    /** The job vanishes, as after a cluster restart without HA. */
    public synchronized void lose(String jobId) {
        jobs.remove(jobId);
    }

    public synchronized int live() {
        return (int) jobs.values().stream().filter(j -> j.status().equals("RUNNING")).count();
    }

    private void handle(HttpExchange ex) {
        requests.incrementAndGet();
        Object body;
        int status = 200;
        try {
            if (!("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                throw new ApiException(
                        401, "unauthenticated", "send 'Authorization: Bearer <token>'");
            }
            String method = ex.getRequestMethod();
            if (!method.equals("GET")) {
                fencing.check(ex.getRequestHeaders().getFirst(FencingGuard.HEADER));
            }
            String[] path = ex.getRequestURI().getPath().substring(1).split("/");
            byte[] in = ex.getRequestBody().readAllBytes();
            synchronized (this) {
                if (method.equals("GET") && path.length == 2 && path[1].equals("jobs")) {
                    body = Map.of("jobs", new ArrayList<>(jobs.values()));
                } else if (method.equals("POST") && path.length == 2 && path[1].equals("jobs")) {
                    JobApi.SubmitRequest r = Json.read(in, JobApi.SubmitRequest.class);
                    boolean created = !jobs.containsKey(r.jobId());
                    if (created) {
                        jobs.put(r.jobId(), view(r.jobId(), "RUNNING", r.restorePath()));
                        status = 201;
                    }
                    body = new JobApi.Submitted(jobs.get(r.jobId()), created, null);
                } else if (method.equals("POST") && path.length == 4 && path[3].equals("stop")) {
                    body = stop(path[2]);
                } else if (method.equals("POST") && path.length == 4 && path[3].equals("cancel")) {
                    JobApi.JobView j = known(path[2]);
                    jobs.put(j.jobId(), withStatus(j, "CANCELED"));
                    body =
                            new JobApi.Operation(
                                    "cancel." + j.jobId(),
                                    "cancel",
                                    j.jobId(),
                                    "COMPLETED",
                                    null,
                                    null);
                } else if (method.equals("GET")
                        && path.length == 3
                        && path[1].equals("operations")) {
                    String jobId = path[2].split("\\.")[1];
                    String location = finalSavepoints.get(jobId);
                    if (location == null) {
                        throw new ApiException(
                                404, "unknown_operation", "no operation '" + path[2] + "'");
                    }
                    body =
                            new JobApi.Operation(
                                    path[2], "stop", jobId, "COMPLETED", location, null);
                } else if (method.equals("POST")
                        && path.length == 3
                        && path[2].equals("retention")) {
                    body =
                            new StateApi.Outcome(
                                    Json.read(in, StateApi.RetentionRequest.class).dryRun()
                                            == Boolean.TRUE,
                                    true,
                                    List.of(),
                                    List.of(),
                                    List.of());
                } else {
                    throw new ApiException(
                            404,
                            "not_found",
                            "the simulated sidecar does not serve "
                                    + method
                                    + " "
                                    + ex.getRequestURI());
                }
            }
        } catch (ApiException e) {
            status = e.status();
            body = Map.of("error", Map.of("code", e.code(), "message", e.getMessage()));
        } catch (IOException | RuntimeException e) {
            status = 500;
            body =
                    Map.of(
                            "error",
                            Map.of("code", "internal", "message", String.valueOf(e.getMessage())));
        }
        try (ex) {
            byte[] out = Json.write(body);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(status, out.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
        } catch (IOException ignored) {
            // the client went away
        }
    }

    private JobApi.Operation stop(String jobId) {
        JobApi.JobView j = known(jobId);
        String location =
                finalSavepoints.computeIfAbsent(
                        jobId,
                        id ->
                                "s3://flotilla-state/"
                                        + cluster
                                        + "/savepoints/"
                                        + id
                                        + "/savepoint-"
                                        + id.substring(0, 6)
                                        + "-000000000001");
        jobs.put(jobId, withStatus(j, "FINISHED", location));
        return new JobApi.Operation(
                "stop." + jobId + ".0", "stop", jobId, "COMPLETED", location, null);
    }

    private JobApi.JobView known(String jobId) {
        JobApi.JobView j = jobs.get(jobId);
        if (j == null) {
            throw new ApiException(404, "unknown_job", "the cluster knows no job " + jobId);
        }
        return j;
    }

    private JobApi.JobView view(String jobId, String status, String restoredFrom) {
        String checkpoint = "s3://flotilla-state/" + cluster + "/checkpoints/" + jobId + "/chk-1";
        return new JobApi.JobView(
                jobId,
                "sim",
                status,
                Instant.now(),
                null,
                1L,
                checkpoint,
                Instant.now(),
                null,
                restoredFrom);
    }

    private static JobApi.JobView withStatus(JobApi.JobView j, String status) {
        return withStatus(j, status, j.lastSavepointPath());
    }

    private static JobApi.JobView withStatus(JobApi.JobView j, String status, String savepoint) {
        return new JobApi.JobView(
                j.jobId(),
                j.name(),
                status,
                j.startTime(),
                Instant.now(),
                j.completedCheckpoints(),
                j.lastCheckpointPath(),
                j.lastCheckpointTime(),
                savepoint,
                j.restoredFrom());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
