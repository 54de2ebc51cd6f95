package io.flotilla.bench;

import io.flotilla.http.Role;
import io.flotilla.http.TokenAuth;
import io.flotilla.supervisor.http.SupervisorApi;
import io.flotilla.supervisor.jdbc.JdbcControlStore;
import io.flotilla.supervisor.jdbc.Migrations;
import io.flotilla.supervisor.model.Cluster;
import io.flotilla.supervisor.model.DeploymentSpec;
import io.flotilla.supervisor.model.DesiredState;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.model.UpgradeMode;
import io.flotilla.supervisor.port.Clock;
import io.flotilla.ui.Sessions;
import io.flotilla.ui.WebUi;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The web UI with 10,000 deployments in the real PostgreSQL store: time for the supervisor to
 * answer the job list (first page, a filtered and sorted page) and a job page, p50 and p95 over
 * {@code runs} requests each after a warm-up, and each page's weight. Run by {@code bench/ui.sh};
 * not a test.
 */
public final class UiBench {

    public static void main(String[] args) throws Exception {
        int deployments = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        String token = "bench-token-bench-token-bench-token";
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            Migrations.apply(pg.getPostgresDatabase());
            JdbcControlStore store = new JdbcControlStore(pg.getPostgresDatabase());
            for (int c = 1; c <= 50; c++) {
                store.putCluster(
                        new Cluster("cluster-" + c, "http://127.0.0.1:1", "env:T", 16, null),
                        new Event("", Instant.now(), "ClusterRegistered", "bench", 0, "bench"));
            }
            long t0 = System.nanoTime();
            // Four writers: each create is one transaction with its audit event.
            java.util.concurrent.ExecutorService writers =
                    java.util.concurrent.Executors.newFixedThreadPool(4);
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int i = 0; i < deployments; i++) {
                String name = "job-" + i;
                String cluster = "cluster-" + (i % 50 + 1);
                done.add(
                        writers.submit(
                                () ->
                                        store.createDeployment(
                                                spec(name, cluster),
                                                new Event(
                                                        name,
                                                        Instant.now(),
                                                        "Created",
                                                        "created",
                                                        0,
                                                        "bench"))));
            }
            for (var f : done) {
                f.get();
            }
            writers.shutdown();
            for (int i = 0; i < 50; i++) {
                store.appendAudit(
                        new Event(
                                "job-4242",
                                Instant.now(),
                                "Submitted",
                                "submitted " + i,
                                0,
                                "supervisor"));
            }
            System.out.printf(
                    "stored %d deployments in %.1f s%n",
                    deployments, (System.nanoTime() - t0) / 1e9);
            TokenAuth auth =
                    new TokenAuth(List.of(new TokenAuth.Token("bench", Role.ADMIN, token)));
            SupervisorApi api =
                    new SupervisorApi(
                            new InetSocketAddress("127.0.0.1", 0),
                            auth,
                            store,
                            Clock.system(),
                            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                            () -> Map.of("status", "UP"),
                            () -> {});
            api.mount(
                    new WebUi(
                            auth::authenticate,
                            new Sessions(
                                    java.time.Clock.systemUTC(),
                                    Duration.ofHours(1),
                                    Duration.ofHours(2)),
                            api::uri,
                            (who, kind, message) ->
                                    store.appendAudit(
                                            new Event("", Instant.now(), kind, message, 0, who))));
            api.start();
            try {
                HttpClient http = HttpClient.newHttpClient();
                HttpResponse<String> login =
                        http.send(
                                HttpRequest.newBuilder(api.uri().resolve("/login"))
                                        .header("Content-Type", "application/x-www-form-urlencoded")
                                        .POST(HttpRequest.BodyPublishers.ofString("token=" + token))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                String cookie =
                        login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
                measure(http, api.uri(), cookie, "job list, first page", "/jobs", runs);
                measure(
                        http,
                        api.uri(),
                        cookie,
                        "job list, filtered and sorted",
                        "/jobs?cluster=cluster-7&q=42&sort=-retries",
                        runs);
                measure(http, api.uri(), cookie, "job list, page 100", "/jobs?page=100", runs);
                measure(http, api.uri(), cookie, "job page", "/jobs/job-4242", runs);
                measure(
                        http,
                        api.uri(),
                        cookie,
                        "job page live status (htmx)",
                        "/jobs/job-4242/live",
                        runs);
            } finally {
                api.close();
            }
        }
    }

    private static void measure(
            HttpClient http, URI base, String cookie, String what, String path, int runs)
            throws Exception {
        List<Double> ms = new ArrayList<>();
        int bytes = 0;
        for (int i = 0; i < runs + 20; i++) {
            long t = System.nanoTime();
            HttpResponse<byte[]> r =
                    http.send(
                            HttpRequest.newBuilder(base.resolve(path))
                                    .header("Cookie", cookie)
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            double took = (System.nanoTime() - t) / 1e6;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + r.statusCode());
            }
            bytes = r.body().length;
            if (i >= 20) {
                ms.add(took);
            }
        }
        Collections.sort(ms);
        System.out.printf(
                "%-32s p50 %6.1f ms  p95 %6.1f ms  %7.1f KB%n",
                what, ms.get(ms.size() / 2), ms.get((int) (ms.size() * 0.95)), bytes / 1024.0);
    }

    private static DeploymentSpec spec(String name, String cluster) {
        return new DeploymentSpec(
                name,
                "team-" + (name.hashCode() & 15),
                "examples/orders",
                "1",
                "s3://flotilla-artifacts/bench/" + "a".repeat(64) + ".jar",
                "a".repeat(64),
                "io.flotilla.examples.orders.OrdersJob",
                List.of(),
                1,
                DesiredState.RUNNING,
                UpgradeMode.SAVEPOINT,
                cluster,
                null,
                1,
                null,
                0);
    }
}
