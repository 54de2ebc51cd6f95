package io.flotilla.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.flotilla.http.Json;
import io.flotilla.supervisor.api.DeploymentList;
import io.flotilla.supervisor.api.DeploymentView;
import io.flotilla.supervisor.api.DesiredState;
import io.flotilla.supervisor.api.Phase;
import io.flotilla.supervisor.api.RunView;
import io.flotilla.supervisor.api.Runs;
import io.flotilla.supervisor.api.SpecView;
import io.flotilla.supervisor.api.StatusView;
import io.flotilla.supervisor.api.UpgradeMode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The run bin/flotilla makes once per build to write the CLI's class data sharing archive (AppCDS):
 * the commands people run most ({@code --help}, {@code list}, {@code status}, as text and JSON)
 * against a canned supervisor on loopback, so the archive holds the HTTP, JSON and output classes
 * too, not just what the first command after a build happened to load. Output discarded.
 */
public final class CdsTraining {

    private static final String TOKEN = "training-token";

    /** A deployment as the supervisor shows it, built from the records so it stays readable. */
    private static final DeploymentView VIEW = view();

    /** What the canned supervisor answers, by path; anything else is a 404. */
    private static final Map<String, byte[]> ANSWERS =
            Map.of(
                    "/v1/deployments",
                    Json.write(new DeploymentList(List.of(VIEW), 2, 0, 1)),
                    "/v1/deployments/training",
                    Json.write(VIEW),
                    "/v1/deployments/training/runs",
                    Json.write(
                            new Runs(
                                    new RunView(
                                            VIEW.status().jobId(),
                                            "local",
                                            Phase.RUNNING,
                                            "1",
                                            null,
                                            null,
                                            null,
                                            0,
                                            null,
                                            null),
                                    List.of())));

    private static final String NOT_FOUND =
            "{\"error\":{\"code\":\"not_found\",\"message\":\"no such thing in training\"}}";

    private CdsTraining() {}

    public static void main(String[] args) {
        try {
            train();
        } catch (Exception | LinkageError e) {
            // An archive of what did load is still worth writing; the JVM writes it at exit.
            System.err.println("flotilla: AppCDS training stopped early: " + e);
        }
        System.exit(0);
    }

    /** Runs the training commands; their exit codes, in order. */
    static List<Integer> train() throws IOException {
        HttpServer server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", CdsTraining::answer);
        server.start();
        Path token = Files.createTempFile("flotilla-cds-training", ".token");
        try {
            Files.writeString(token, TOKEN);
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            List<String> connection = List.of("--url", url, "--token-file", token.toString());
            PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true);
            List<Integer> codes = new ArrayList<>();
            for (List<String> command :
                    List.of(
                            List.of("--help"),
                            List.of("list"),
                            List.of("list", "--output", "json"),
                            List.of("status", "training"),
                            List.of("status", "training", "--output", "json"))) {
                List<String> line =
                        command.equals(List.of("--help")) ? command : concat(command, connection);
                codes.add(
                        FlotillaCli.run(
                                line.toArray(String[]::new),
                                new Cli(Map.of(), Map.of(), discard, discard)));
            }
            return codes;
        } finally {
            server.stop(0);
            Files.deleteIfExists(token);
        }
    }

    private static void answer(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        byte[] answer = ANSWERS.get(path);
        byte[] bytes = answer != null ? answer : NOT_FOUND.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(answer != null ? 200 : 404, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static DeploymentView view() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        SpecView spec =
                new SpecView(
                        "training",
                        "team",
                        "jobs/training",
                        "1",
                        "s3://flotilla-artifacts/training.jar",
                        "0".repeat(64),
                        "com.example.Main",
                        List.of(),
                        1,
                        DesiredState.RUNNING,
                        UpgradeMode.SAVEPOINT,
                        "local",
                        null,
                        1,
                        null,
                        0,
                        Duration.ofMinutes(1),
                        false,
                        null);
        StatusView status =
                new StatusView(
                        "0".repeat(32),
                        Phase.RUNNING,
                        null,
                        null,
                        null,
                        0,
                        null,
                        1,
                        null,
                        null,
                        null,
                        0,
                        null,
                        0,
                        null,
                        null,
                        null);
        return new DeploymentView(
                "training", 1, Phase.RUNNING, "local", spec, spec, status, at, at);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
