package io.flotilla.bench;

import io.flotilla.supervisor.app.SupervisorServer;
import io.flotilla.supervisor.app.SupervisorSettings;
import io.flotilla.supervisor.jdbc.JdbcDeploymentStore;
import io.flotilla.supervisor.jdbc.Migrations;
import io.flotilla.supervisor.model.DeploymentSpec;
import io.flotilla.supervisor.model.DesiredState;
import io.flotilla.supervisor.model.UpgradeMode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * CLI start-up to first output: {@code bin/flotilla --help}, and {@code bin/flotilla list} against
 * a real supervisor (its API on embedded PostgreSQL) holding 10,000 deployments. Each run is a new
 * process, timed from its start to the first byte on stdout and to its exit. Run by {@code
 * bench/cli-startup.sh}; not a test.
 */
public final class CliStartupBench {

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int deployments = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        String token = "bench-token-bench-token";
        Path dir = Files.createTempDirectory("cli-bench");
        Path tokens = dir.resolve("tokens");
        Files.writeString(tokens, "bench admin " + token + "\n");
        Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, token + "\n");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            Migrations.apply(pg.getPostgresDatabase());
            JdbcDeploymentStore store = new JdbcDeploymentStore(pg.getPostgresDatabase(), false);
            for (int i = 0; i < deployments; i++) {
                store.putSpec(spec(String.format("job-%05d", i), "cluster-" + (i % 50 + 1)));
            }
            String jdbc = pg.getJdbcUrl("postgres", "postgres");
            try (SupervisorServer server =
                    SupervisorServer.start(
                            SupervisorSettings.parse(
                                    List.of(
                                            "--jdbc-url",
                                            jdbc,
                                            "--tokens-file",
                                            tokens.toString(),
                                            "--holder",
                                            "bench",
                                            "--tick-interval",
                                            "1h",
                                            "--lease-ttl",
                                            "3h"),
                                    Map.of()))) {
                String cli = root.resolve("bin/flotilla").toString();
                List<String> list =
                        List.of(
                                cli,
                                "list",
                                "--url",
                                server.uri().toString(),
                                "--token-file",
                                tokenFile.toString());
                time("flotilla --help", List.of(cli, "--help"), runs);
                time("flotilla list (" + deployments + " deployments)", list, runs);
                time(
                        "flotilla list --output json (" + deployments + " deployments)",
                        concat(list, "--output", "json"),
                        runs);
                // list shows the supervisor's first page (50); --all reads every page of 1000.
                time(
                        "flotilla list --all (" + deployments + " deployments)",
                        concat(list, "--all"),
                        runs);
            }
        }
    }

    private static void time(String what, List<String> cmd, int runs) throws Exception {
        run(cmd); // warms the page cache, not the JVM: every run is a new process
        List<Double> first = new ArrayList<>();
        List<Double> total = new ArrayList<>();
        long lines = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            Process p =
                    new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            InputStream out = p.getInputStream();
            int b = out.read();
            first.add((System.nanoTime() - t0) / 1e9);
            lines = b == '\n' ? 1 : 0;
            byte[] buf = new byte[65536];
            for (int n; (n = out.read(buf)) > 0; ) {
                for (int j = 0; j < n; j++) {
                    lines += buf[j] == '\n' ? 1 : 0;
                }
            }
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " exited " + p.exitValue());
            }
            total.add((System.nanoTime() - t0) / 1e9);
        }
        Collections.sort(first);
        Collections.sort(total);
        System.out.printf(
                "%-50s first output: median %.3f s (min %.3f, max %.3f); exit: median %.3f s; %d lines%n",
                what,
                first.get(runs / 2),
                first.get(0),
                first.get(runs - 1),
                total.get(runs / 2),
                lines);
    }

    private static void run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        p.waitFor();
    }

    private static List<String> concat(List<String> a, String... b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(List.of(b));
        return out;
    }

    private static DeploymentSpec spec(String name, String cluster) {
        return new DeploymentSpec(
                name,
                "team-" + (name.hashCode() & 7),
                "jobs/" + name,
                "1",
                "s3://flotilla-artifacts/bench/" + "a".repeat(64) + ".jar",
                "a".repeat(64),
                "com.example.Main",
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
