package io.flotilla.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.flotilla.cli.output.Output;
import io.flotilla.supervisor.api.BackfillRequest;
import io.flotilla.supervisor.api.BackfillStatus;
import io.flotilla.supervisor.api.BackfillView;
import io.flotilla.supervisor.api.ClusterList;
import io.flotilla.supervisor.api.ClusterView;
import io.flotilla.supervisor.api.Deleted;
import io.flotilla.supervisor.api.DeploymentList;
import io.flotilla.supervisor.api.DeploymentLogPage;
import io.flotilla.supervisor.api.DeploymentView;
import io.flotilla.supervisor.api.DesiredState;
import io.flotilla.supervisor.api.EventView;
import io.flotilla.supervisor.api.EventsPage;
import io.flotilla.supervisor.api.Lineage;
import io.flotilla.supervisor.api.LineageTable;
import io.flotilla.supervisor.api.LogSource;
import io.flotilla.supervisor.api.Phase;
import io.flotilla.supervisor.api.RunView;
import io.flotilla.supervisor.api.Runs;
import io.flotilla.supervisor.api.SavepointStatus;
import io.flotilla.supervisor.api.SavepointView;
import io.flotilla.supervisor.api.SpecView;
import io.flotilla.supervisor.api.StateView;
import io.flotilla.supervisor.api.StatusView;
import io.flotilla.supervisor.api.Submission;
import io.flotilla.supervisor.api.UpgradeMode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fake supervisor for unit tests: the real API's routes and JSON on the JDK's HTTP server, with
 * deployments that move one step per read (PENDING, STARTING, RUNNING, checkpointed; STOPPING,
 * STOPPED), the list's filters and paging, and failure switches.
 */
final class TestingSupervisor implements AutoCloseable {

    static final String ADMIN = "admin-token-admin-token";
    static final String VIEWER = "viewer-token-viewer-token";

    /** Failure switches. */
    volatile boolean failStarts;

    volatile boolean answerHtml;

    volatile boolean refuseSubmits;

    private final HttpServer server;
    static final Instant CREATED = Instant.parse("2026-12-01T10:00:00Z");

    private final Map<String, DeploymentView> deployments = new TreeMap<>();
    private final List<EventView> events = new ArrayList<>();
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
                new DeploymentView(
                        name,
                        1,
                        phase,
                        cluster,
                        spec(
                                name,
                                owner,
                                cluster,
                                phase == Phase.STOPPED
                                        ? DesiredState.STOPPED
                                        : DesiredState.RUNNING),
                        null,
                        status(
                                job,
                                phase,
                                null,
                                job == null ? null : checkpoint(job, 3),
                                retries,
                                null),
                        CREATED,
                        CREATED));
        event(name, "Created", "version 1 created");
    }

    synchronized DeploymentView get(String name) {
        return deployments.get(name);
    }

    private static StatusView status(
            String job, Phase phase, String sp, String chk, int retries, String error) {
        return new StatusView(
                job, phase, sp, chk, null, retries, null, 0, null, error, null, 0, null, 0, null,
                null, null);
    }

    private static SpecView spec(String name, String owner, String cluster, DesiredState desired) {
        return new SpecView(
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
                UpgradeMode.SAVEPOINT,
                cluster,
                null,
                1,
                null,
                0,
                null,
                false,
                ">=2.0");
    }

    private String jobId() {
        return String.format("%032x", ++jobs);
    }

    private static String checkpoint(String job, int n) {
        return "s3://flotilla-state/cluster-1/checkpoints/" + job + "/chk-" + n;
    }

    private void event(String deployment, String type, String message) {
        events.add(
                new EventView(
                        events.size() + 1,
                        deployment,
                        CREATED.plusSeconds(events.size()),
                        type,
                        message,
                        "admin",
                        0));
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
            route(x, method, x.getRequestURI().getPath().split("/"), query(x));
        } catch (RuntimeException e) {
            error(x, 500, "internal", e.toString());
        }
    }

    private static Map<String, String> query(HttpExchange x) {
        Map<String, String> out = new HashMap<>();
        String q = x.getRequestURI().getRawQuery();
        if (q != null) {
            for (String pair : q.split("&")) {
                int eq = pair.indexOf('=');
                out.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** The last backfill requested; {@code backfillFailure} makes it FAILED with that error. */
    volatile BackfillView backfill;

    volatile String backfillFailure;

    /** Whether the last backfill was cancelled: GET then answers CANCELED, DELETE 409. */
    volatile boolean backfillCancelled;

    private static BackfillView backfill(
            String name, BackfillRequest b, String cluster, BackfillStatus s, String error) {
        return new BackfillView(
                1,
                name,
                b.from(),
                b.to(),
                b.into(),
                "1",
                cluster,
                "fedcba9876543210fedcba9876543210",
                s,
                "ci",
                Instant.parse("2026-01-01T00:00:00Z"),
                s == BackfillStatus.RUNNING ? null : Instant.parse("2026-01-01T00:01:00Z"),
                error,
                List.of("orders"),
                List.of(b.into() == null ? "order_stats" : b.into()),
                s == BackfillStatus.CANCELED ? "ci" : null);
    }

    private void route(HttpExchange x, String method, String[] p, Map<String, String> q)
            throws IOException {
        // p = ["", "v1", "deployments", name, action]
        if (p.length == 3 && p[2].equals("clusters")) {
            ok(
                    x,
                    new ClusterList(
                            List.of(
                                    new ClusterView(
                                            "cluster-1",
                                            "http://127.0.0.1:1",
                                            "env:T",
                                            4,
                                            false,
                                            null,
                                            deployments.size(),
                                            null))));
            return;
        }
        if (p.length == 3 && p[2].equals("events")) {
            String only = q.get("deployment");
            long after = Long.parseLong(q.getOrDefault("after", "0"));
            ok(
                    x,
                    new EventsPage(
                            events.stream()
                                    .filter(e -> e.id() > after)
                                    .filter(e -> only == null || only.equals(e.deployment()))
                                    .toList(),
                            null));
            return;
        }
        if (p.length == 3 && p[2].equals("deployments") && method.equals("GET")) {
            ok(x, list(q));
            return;
        }
        String name = p[3];
        DeploymentView d = deployments.get(name);
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
            case "POST savepoints" ->
                    ok(
                            x,
                            new SavepointView(
                                    name,
                                    d.status().jobId(),
                                    "cluster-1",
                                    "savepoint." + d.status().jobId() + ".1",
                                    SavepointStatus.IN_PROGRESS,
                                    null,
                                    null,
                                    Instant.now()));
            case "GET savepoints" ->
                    ok(
                            x,
                            new SavepointView(
                                    name,
                                    d.status().jobId(),
                                    "cluster-1",
                                    p[5],
                                    SavepointStatus.COMPLETED,
                                    "s3://flotilla-state/cluster-1/savepoints/"
                                            + d.status().jobId()
                                            + "/savepoint-1",
                                    null,
                                    null));
            case "POST backfills" -> {
                BackfillRequest b =
                        Output.JSON.readValue(x.getRequestBody(), BackfillRequest.class);
                if (b.to().isAfter(Instant.now())) {
                    error(x, 400, "invalid_field", "field 'to' is in the future");
                    return;
                }
                backfill = backfill(name, b, null, BackfillStatus.RUNNING, null);
                ok(x, backfill);
            }
            case "DELETE backfills" -> {
                if (backfill == null || !p[5].equals(String.valueOf(backfill.id()))) {
                    error(x, 404, "no_such_backfill", "deployment has no backfill '" + p[5] + "'");
                    return;
                }
                if (backfillCancelled) {
                    error(x, 409, "backfill_ended", "backfill 1 already ended CANCELED");
                    return;
                }
                backfillCancelled = true;
                ok(
                        x,
                        backfill(
                                name,
                                new BackfillRequest(
                                        backfill.from(), backfill.to(), backfill.into()),
                                "cluster-1",
                                BackfillStatus.CANCELED,
                                null));
            }
            case "GET backfills" -> {
                BackfillRequest b =
                        new BackfillRequest(backfill.from(), backfill.to(), backfill.into());
                ok(
                        x,
                        backfillCancelled
                                ? backfill(name, b, "cluster-1", BackfillStatus.CANCELED, null)
                                : backfillFailure == null
                                        ? backfill(
                                                name, b, "cluster-1", BackfillStatus.FINISHED, null)
                                        : backfill(
                                                name,
                                                b,
                                                "cluster-1",
                                                BackfillStatus.FAILED,
                                                backfillFailure));
            }
            case "POST stop" -> ok(x, change(d, Phase.STOPPING, DesiredState.STOPPED, "Stop"));
            case "POST start", "POST start-from-savepoint" ->
                    ok(
                            x,
                            change(
                                    d,
                                    d.phase() == Phase.RUNNING ? Phase.RUNNING : Phase.PENDING,
                                    DesiredState.RUNNING,
                                    "Start"));
            case "POST restart" -> ok(x, change(d, Phase.PENDING, DesiredState.RUNNING, "Restart"));
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
                ok(x, new Deleted(name));
            }
            case "GET runs" ->
                    ok(
                            x,
                            new Runs(
                                    new RunView(
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
                            new StateView(
                                    name,
                                    d.status().lastCheckpoint() == null
                                            ? List.of()
                                            : List.of(d.status().lastCheckpoint()),
                                    null,
                                    List.of(),
                                    List.of()));
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
                            new DeploymentLogPage(
                                    name,
                                    d.cluster(),
                                    LogSource.JOBMANAGER,
                                    null,
                                    List.of(),
                                    null,
                                    d.status().jobId(),
                                    0,
                                    42,
                                    null,
                                    42,
                                    200,
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

    /** {@code GET /v1/deployments}: unpaged without parameters, else filtered and paged by name. */
    private DeploymentList list(Map<String, String> q) {
        if (q.isEmpty()) {
            return new DeploymentList(List.copyOf(deployments.values()));
        }
        String sort = q.getOrDefault("sort", "name");
        Comparator<DeploymentView> order = Comparator.comparing(DeploymentView::name);
        List<DeploymentView> matching =
                deployments.values().stream()
                        .filter(
                                d ->
                                        !q.containsKey("phase")
                                                || d.phase().name().equals(q.get("phase")))
                        .filter(
                                d ->
                                        !q.containsKey("cluster")
                                                || d.cluster().equals(q.get("cluster")))
                        .filter(
                                d ->
                                        !q.containsKey("owner")
                                                || q.get("owner").equals(d.spec().owner()))
                        .filter(d -> !q.containsKey("q") || d.name().contains(q.get("q")))
                        .sorted(sort.startsWith("-") ? order.reversed() : order)
                        .toList();
        int offset = Integer.parseInt(q.getOrDefault("offset", "0"));
        int limit = Integer.parseInt(q.getOrDefault("limit", "50"));
        int from = Math.min(offset, matching.size());
        int to = Math.min(from + limit, matching.size());
        return new DeploymentList(matching.subList(from, to), matching.size(), offset, limit);
    }

    private DeploymentView change(
            DeploymentView d, Phase phase, DesiredState desired, String type) {
        event(d.name(), type, type.toLowerCase() + " requested");
        DeploymentView next =
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
    private DeploymentView advance(DeploymentView d) {
        StatusView s = d.status();
        DeploymentView next =
                switch (d.phase()) {
                    case PENDING ->
                            refuseSubmits
                                    ? new DeploymentView(
                                            d.name(),
                                            d.generation(),
                                            Phase.PENDING,
                                            d.cluster(),
                                            d.spec(),
                                            null,
                                            status(
                                                    null,
                                                    Phase.PENDING,
                                                    s.lastSavepoint(),
                                                    s.lastCheckpoint(),
                                                    s.retries() + 1,
                                                    "cluster cluster-1 refused: 422 program_failed: ClassNotFoundException"),
                                            d.createdAt(),
                                            d.updatedAt())
                                    : with(
                                            d,
                                            Phase.STARTING,
                                            jobId(),
                                            s.lastCheckpoint(),
                                            s.lastSavepoint(),
                                            null,
                                            DesiredState.RUNNING);
                    case STARTING ->
                            failStarts
                                    ? with(
                                            d,
                                            Phase.FAILED,
                                            s.jobId(),
                                            s.lastCheckpoint(),
                                            s.lastSavepoint(),
                                            "java.lang.IllegalStateException: boom",
                                            DesiredState.RUNNING)
                                    : with(
                                            d,
                                            Phase.RUNNING,
                                            s.jobId(),
                                            s.lastCheckpoint(),
                                            s.lastSavepoint(),
                                            null,
                                            DesiredState.RUNNING);
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
                                            DesiredState.RUNNING);
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
                                    DesiredState.STOPPED);
                    default -> d;
                };
        deployments.put(d.name(), next);
        return next;
    }

    private static DeploymentView with(
            DeploymentView d,
            Phase phase,
            String job,
            String chk,
            String sp,
            String error,
            DesiredState desired) {
        SpecView s = d.spec();
        return new DeploymentView(
                d.name(),
                d.generation(),
                phase,
                d.cluster(),
                new SpecView(
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
                        d.generation(),
                        null,
                        0,
                        null,
                        false,
                        s.flinkVersion()),
                null,
                status(job, phase, sp, chk, d.status().retries(), error),
                d.createdAt(),
                d.updatedAt());
    }

    private static void ok(HttpExchange x, Object body) throws IOException {
        send(x, 200, "application/json", Output.JSON.writeValueAsString(body));
    }

    private static void error(HttpExchange x, int status, String code, String message)
            throws IOException {
        send(
                x,
                status,
                "application/json",
                Output.JSON.writeValueAsString(
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
