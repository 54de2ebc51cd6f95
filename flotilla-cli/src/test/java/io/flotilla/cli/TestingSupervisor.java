package io.flotilla.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.flotilla.cli.api.Phase;
import io.flotilla.cli.api.Records.Cluster;
import io.flotilla.cli.api.Records.Clusters;
import io.flotilla.cli.api.Records.Deployment;
import io.flotilla.cli.api.Records.DeploymentList;
import io.flotilla.cli.api.Records.Event;
import io.flotilla.cli.api.Records.Events;
import io.flotilla.cli.api.Records.Lineage;
import io.flotilla.cli.api.Records.LineageTable;
import io.flotilla.cli.api.Records.LogPage;
import io.flotilla.cli.api.Records.Run;
import io.flotilla.cli.api.Records.Runs;
import io.flotilla.cli.api.Records.Spec;
import io.flotilla.cli.api.Records.State;
import io.flotilla.cli.api.Records.Status;
import io.flotilla.cli.api.Records.Submission;
import io.flotilla.cli.api.RestSupervisor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fake supervisor for unit tests: the real API's routes and JSON on the JDK's HTTP server, with
 * deployments that move one step per read (PENDING, STARTING, RUNNING, checkpointed; STOPPING,
 * STOPPED) and failure switches.
 */
final class TestingSupervisor implements AutoCloseable {

    static final String ADMIN = "admin-token-admin-token";
    static final String VIEWER = "viewer-token-viewer-token";

    /** Failure switches. */
    volatile boolean failStarts;

    volatile boolean answerHtml;

    volatile boolean refuseSubmits;

    private final HttpServer server;
    private final Map<String, Deployment> deployments = new TreeMap<>();
    private final List<Event> events = new ArrayList<>();
    private int jobs;

    TestingSupervisor() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized void add(String name, Phase phase, String cluster, String owner, int retries) {
        String job = phase == Phase.RUNNING ? jobId() : null;
        deployments.put(
                name,
                new Deployment(
                        name,
                        1,
                        phase,
                        cluster,
                        spec(name, owner, cluster, phase == Phase.STOPPED ? "STOPPED" : "RUNNING"),
                        new Status(
                                job,
                                phase,
                                null,
                                job == null ? null : checkpoint(job, 3),
                                retries,
                                null,
                                null,
                                null),
                        null,
                        null));
        event(name, "Created", "version 1 created");
    }

    synchronized Deployment get(String name) {
        return deployments.get(name);
    }

    private static Spec spec(String name, String owner, String cluster, String desired) {
        return new Spec(
                name,
                owner,
                "jobs/" + name,
                "1",
                "s3://flotilla-artifacts/jobs/" + name + "/" + "a".repeat(64) + ".jar",
                "a".repeat(64),
                "com.example.Main",
                List.of(),
                1,
                desired,
                "SAVEPOINT",
                cluster,
                null,
                1);
    }

    private String jobId() {
        return String.format("%032x", ++jobs);
    }

    private static String checkpoint(String job, int n) {
        return "s3://flotilla-state/cluster-1/checkpoints/" + job + "/chk-" + n;
    }

    private void event(String deployment, String type, String message) {
        events.add(
                new Event(
                        events.size() + 1,
                        deployment,
                        Instant.parse("2026-12-01T10:00:00Z").plusSeconds(events.size()),
                        type,
                        message,
                        "admin"));
    }

    private synchronized void handle(HttpExchange x) throws IOException {
        try {
            if (answerHtml) {
                send(x, 404, "text/html", "<html>not here</html>");
                return;
            }
            String auth = x.getRequestHeaders().getFirst("Authorization");
            boolean admin = ("Bearer " + ADMIN).equals(auth);
            boolean viewer = ("Bearer " + VIEWER).equals(auth);
            if (!admin && !viewer) {
                error(x, 401, "unauthenticated", "the bearer token is not valid for this service");
                return;
            }
            String method = x.getRequestMethod();
            if (!method.equals("GET") && !admin) {
                error(
                        x,
                        403,
                        "forbidden",
                        method
                                + " "
                                + x.getRequestURI().getPath()
                                + " needs role operator, the"
                                + " token has viewer");
                return;
            }
            route(x, method, x.getRequestURI().getPath().split("/"));
        } catch (RuntimeException e) {
            error(x, 500, "internal", e.toString());
        }
    }

    private void route(HttpExchange x, String method, String[] p) throws IOException {
        // p = ["", "v1", "deployments", name, action]
        if (p.length == 3 && p[2].equals("clusters")) {
            ok(
                    x,
                    new Clusters(
                            List.of(
                                    new Cluster(
                                            "cluster-1",
                                            "http://127.0.0.1:1",
                                            4,
                                            false,
                                            null,
                                            deployments.size()))));
            return;
        }
        if (p.length == 3 && p[2].equals("events")) {
            String q = x.getRequestURI().getQuery();
            String only =
                    q != null && q.contains("deployment=")
                            ? q.replaceAll(".*deployment=([^&]*).*", "$1")
                            : null;
            long after =
                    q != null && q.contains("after=")
                            ? Long.parseLong(q.replaceAll(".*after=([0-9]*).*", "$1"))
                            : 0;
            ok(
                    x,
                    new Events(
                            events.stream()
                                    .filter(e -> e.id() > after)
                                    .filter(e -> only == null || only.equals(e.deployment()))
                                    .toList(),
                            null));
            return;
        }
        if (p.length == 3 && p[2].equals("deployments") && method.equals("GET")) {
            ok(x, new DeploymentList(List.copyOf(deployments.values())));
            return;
        }
        String name = p[3];
        Deployment d = deployments.get(name);
        if (d == null) {
            error(
                    x,
                    404,
                    "no_such_deployment",
                    "no deployment '" + name + "': see GET /v1/deployments");
            return;
        }
        String action = p.length > 4 ? p[4] : "";
        switch (method + " " + action) {
            case "GET " -> ok(x, advance(d));
            case "POST stop" -> ok(x, change(d, Phase.STOPPING, "STOPPED", "Stop"));
            case "POST start", "POST start-from-savepoint" ->
                    ok(
                            x,
                            change(
                                    d,
                                    d.phase() == Phase.RUNNING ? Phase.RUNNING : Phase.PENDING,
                                    "RUNNING",
                                    "Start"));
            case "POST restart" -> ok(x, change(d, Phase.PENDING, "RUNNING", "Restart"));
            case "DELETE " -> {
                if (d.phase() != Phase.STOPPED) {
                    error(
                            x,
                            409,
                            "not_stopped",
                            "deployment " + name + " is " + d.phase() + ": stop it first");
                    return;
                }
                deployments.remove(name);
                ok(x, d);
            }
            case "GET runs" ->
                    ok(
                            x,
                            new Runs(
                                    new Run(
                                            d.status().jobId(),
                                            d.cluster(),
                                            d.phase(),
                                            "1",
                                            null,
                                            d.status().lastCheckpoint(),
                                            d.status().lastSavepoint(),
                                            d.status().retries(),
                                            null,
                                            d.status().error()),
                                    List.of(
                                            new Submission(
                                                    Instant.parse("2026-12-01T10:00:01Z"),
                                                    "submitted x generation 1 on cluster-1 from empty state"))));
            case "GET state" ->
                    ok(
                            x,
                            new State(
                                    name,
                                    d.status().lastCheckpoint() == null
                                            ? List.of()
                                            : List.of(d.status().lastCheckpoint()),
                                    Map.of()));
            case "GET lineage" ->
                    ok(
                            x,
                            new Lineage(
                                    "j",
                                    "test",
                                    List.of(
                                            new LineageTable(
                                                    "orders",
                                                    "kafka",
                                                    "orders",
                                                    "json",
                                                    "orders-service",
                                                    "T")),
                                    List.of(
                                            new LineageTable(
                                                    "order_stats",
                                                    "kafka",
                                                    "order_stats",
                                                    "json",
                                                    "analytics",
                                                    "T"))));
            case "GET logs" ->
                    ok(
                            x,
                            new LogPage(
                                    name,
                                    d.cluster(),
                                    "jobmanager",
                                    null,
                                    List.of(),
                                    d.status().jobId(),
                                    0,
                                    42,
                                    null,
                                    42,
                                    List.of(
                                            "2026-12-01 10:00:00 INFO  job "
                                                    + d.status().jobId()
                                                    + " switched to RUNNING")));
            default ->
                    error(
                            x,
                            404,
                            "not_found",
                            "no route " + method + " " + x.getRequestURI().getPath());
        }
    }

    private Deployment change(Deployment d, Phase phase, String desired, String type) {
        event(d.name(), type, type.toLowerCase() + " requested");
        Deployment next =
                with(
                        d,
                        phase,
                        d.status().jobId(),
                        d.status().lastCheckpoint(),
                        d.status().lastSavepoint(),
                        null,
                        desired);
        deployments.put(d.name(), next);
        return next;
    }

    /** One step of the fake reconciler per read. */
    private Deployment advance(Deployment d) {
        Status s = d.status();
        Deployment next =
                switch (d.phase()) {
                    case PENDING ->
                            refuseSubmits
                                    ? new Deployment(
                                            d.name(),
                                            d.generation(),
                                            Phase.PENDING,
                                            d.cluster(),
                                            d.spec(),
                                            new Status(
                                                    null,
                                                    Phase.PENDING,
                                                    s.lastSavepoint(),
                                                    s.lastCheckpoint(),
                                                    s.retries() + 1,
                                                    null,
                                                    "cluster cluster-1 refused: 422 program_failed: ClassNotFoundException",
                                                    null),
                                            null,
                                            null)
                                    : with(
                                            d,
                                            Phase.STARTING,
                                            jobId(),
                                            s.lastCheckpoint(),
                                            s.lastSavepoint(),
                                            null,
                                            "RUNNING");
                    case STARTING ->
                            failStarts
                                    ? with(
                                            d,
                                            Phase.FAILED,
                                            s.jobId(),
                                            s.lastCheckpoint(),
                                            s.lastSavepoint(),
                                            "java.lang.IllegalStateException: boom",
                                            "RUNNING")
                                    : with(
                                            d,
                                            Phase.RUNNING,
                                            s.jobId(),
                                            s.lastCheckpoint(),
                                            s.lastSavepoint(),
                                            null,
                                            "RUNNING");
                    case RUNNING ->
                            s.lastCheckpoint() != null && s.lastCheckpoint().contains(s.jobId())
                                    ? d
                                    : with(
                                            d,
                                            Phase.RUNNING,
                                            s.jobId(),
                                            checkpoint(s.jobId(), 1),
                                            s.lastSavepoint(),
                                            null,
                                            "RUNNING");
                    case STOPPING ->
                            with(
                                    d,
                                    Phase.STOPPED,
                                    null,
                                    s.lastCheckpoint(),
                                    "s3://flotilla-state/cluster-1/savepoints/"
                                            + s.jobId()
                                            + "/savepoint-1",
                                    null,
                                    "STOPPED");
                    default -> d;
                };
        deployments.put(d.name(), next);
        return next;
    }

    private static Deployment with(
            Deployment d,
            Phase phase,
            String job,
            String chk,
            String sp,
            String error,
            String desired) {
        Spec s = d.spec();
        return new Deployment(
                d.name(),
                d.generation(),
                phase,
                d.cluster(),
                new Spec(
                        s.name(),
                        s.owner(),
                        s.module(),
                        s.version(),
                        s.artifactUri(),
                        s.artifactSha256(),
                        s.entryClass(),
                        s.args(),
                        s.parallelism(),
                        desired,
                        s.upgradeMode(),
                        s.cluster(),
                        null,
                        d.generation()),
                new Status(job, phase, sp, chk, d.status().retries(), null, error, null),
                null,
                null);
    }

    private static void ok(HttpExchange x, Object body) throws IOException {
        send(x, 200, "application/json", RestSupervisor.JSON.writeValueAsString(body));
    }

    private static void error(HttpExchange x, int status, String code, String message)
            throws IOException {
        send(
                x,
                status,
                "application/json",
                RestSupervisor.JSON.writeValueAsString(
                        Map.of("error", Map.of("code", code, "message", message))));
    }

    private static void send(HttpExchange x, int status, String type, String body)
            throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
