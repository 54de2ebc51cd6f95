package io.flotilla.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flotilla.local.LocalPlatform;
import io.flotilla.local.LocalSettings;
import io.flotilla.local.Progress;
import io.flotilla.local.process.FlinkCluster;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unpacks flotilla-VERSION.tar.gz and runs a sidecar and a supervisor from its scripts, as separate
 * processes, against the local platform's Flink, S3 and PostgreSQL; stops both with SIGTERM.
 */
class DistributionITCase {

    private static final String SIDECAR_TOKEN = "dist-it-sidecar-token-0123456789";
    private static final String ADMIN_TOKEN = "dist-it-admin-token-0123456789ab";
    private static final String S3_SECRET = "flotilla-local-secret";
    private static final Duration SLOW = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir Path temp;

    @Test
    void sidecarAndSupervisorRunFromTheTarballAndStopCleanlyOnSigterm() throws Exception {
        Path home = Tarballs.unpack(Tarballs.built(), temp.resolve("install"));
        Path logs = temp.resolve("logs");
        Path runFolder = Files.createDirectories(Path.of("target", "it", "distribution"));
        List<Process> started = new ArrayList<>();
        try (LocalPlatform platform =
                LocalPlatform.start(
                        LocalSettings.parse(
                                List.of(
                                        "--home", runFolder.toString(),
                                        "--clusters", "1",
                                        "--slots", "1",
                                        "--kafka", "false",
                                        "--s3-secret-key", S3_SECRET),
                                Map.of()),
                        new Progress(System.out))) {
            FlinkCluster cluster = platform.clusters().get(0);
            int[] ports = freePorts(2);
            int sidecarPort = ports[0];
            int supervisorPort = ports[1];

            Path sidecarConf =
                    write(
                            temp.resolve("sidecar.conf"),
                            "# written by DistributionITCase",
                            "FLOTILLA_SIDECAR_CLUSTER=" + cluster.name(),
                            "FLOTILLA_SIDECAR_FLINK_REST_URL=" + cluster.restUrl(),
                            "FLOTILLA_SIDECAR_PORT=" + sidecarPort,
                            "FLOTILLA_SIDECAR_STATE_URI=" + cluster.stateUri(),
                            "FLOTILLA_SIDECAR_S3_ENDPOINT=" + platform.s3().endpoint(),
                            "FLOTILLA_SIDECAR_S3_ACCESS_KEY=" + platform.s3().accessKey(),
                            "FLOTILLA_JAVA_OPTS=-Xmx256m",
                            "FLOTILLA_LOG_DIR=" + logs);
            Process sidecar =
                    start(
                            home.resolve("bin/flotilla-sidecar"),
                            List.of("--config", sidecarConf.toString()),
                            Map.of(
                                    "FLOTILLA_SIDECAR_TOKEN", SIDECAR_TOKEN,
                                    "FLOTILLA_SIDECAR_S3_SECRET_KEY", S3_SECRET),
                            temp.resolve("sidecar.out"));
            started.add(sidecar);

            Path tokens = write(temp.resolve("tokens"), "admin admin " + ADMIN_TOKEN);
            Path supervisorConf =
                    write(
                            temp.resolve("supervisor.conf"),
                            "FLOTILLA_SUPERVISOR_JDBC_URL=" + platform.database().jdbcUrl(),
                            "FLOTILLA_SUPERVISOR_JDBC_USER=" + platform.database().user(),
                            "FLOTILLA_SUPERVISOR_PORT=" + supervisorPort,
                            "FLOTILLA_SUPERVISOR_TOKENS_FILE=" + tokens,
                            // the sidecar is on loopback beside it, as in the local platform
                            "FLOTILLA_SUPERVISOR_SIDECAR_ALLOW_HTTP=true",
                            "FLOTILLA_JAVA_OPTS=-Xmx256m",
                            "FLOTILLA_LOG_DIR=" + logs);
            Process supervisor =
                    start(
                            home.resolve("bin/flotilla-supervisor"),
                            List.of("--config", supervisorConf.toString()),
                            Map.of("FLOTILLA_CLUSTER_TOKEN_DIST_IT", SIDECAR_TOKEN),
                            temp.resolve("supervisor.out"));
            started.add(supervisor);

            URI sidecarUrl = URI.create("http://127.0.0.1:" + sidecarPort);
            URI supervisorUrl = URI.create("http://127.0.0.1:" + supervisorPort);
            JsonNode sidecarHealth =
                    await(
                            "the sidecar's /health with its TaskManager",
                            () -> get(sidecarUrl.resolve("/health"), SIDECAR_TOKEN),
                            h -> h.path("flink").path("taskManagers").asInt() == 1,
                            sidecar);
            assertThat(sidecarHealth.path("status").asText()).isEqualTo("UP");
            await(
                    "the supervisor's /health as leader",
                    () -> get(supervisorUrl.resolve("/health"), ADMIN_TOKEN),
                    h -> h.path("leader").asBoolean(),
                    supervisor);

            String body =
                    JSON.writeValueAsString(
                            Map.of(
                                    "name",
                                    cluster.name(),
                                    "sidecarUrl",
                                    sidecarUrl.toString(),
                                    "tokenRef",
                                    "env:FLOTILLA_CLUSTER_TOKEN_DIST_IT",
                                    "slots",
                                    1));
            HttpResponse<String> registered =
                    http.send(
                            HttpRequest.newBuilder(supervisorUrl.resolve("/v1/clusters"))
                                    .header("Authorization", "Bearer " + ADMIN_TOKEN)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(registered.statusCode()).as(registered.body()).isBetween(200, 201);
            // A tick observes only clusters with deployments, so the cluster's health is the
            // sidecar's (asked with the token the supervisor resolves) and its registration.
            JsonNode registeredCluster =
                    get(supervisorUrl.resolve("/v1/clusters/" + cluster.name()), ADMIN_TOKEN);
            assertThat(registeredCluster.path("sidecarUrl").asText())
                    .isEqualTo(sidecarUrl.toString());
            assertThat(registeredCluster.path("lost").asBoolean()).isFalse();
            await(
                    "the supervisor's /health UP and leading after the registration",
                    () -> get(supervisorUrl.resolve("/health"), ADMIN_TOKEN),
                    h -> h.path("status").asText().equals("UP") && h.path("leader").asBoolean(),
                    supervisor);

            for (Process p : List.of(supervisor, sidecar)) {
                p.destroy(); // SIGTERM
                assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("stopped on SIGTERM").isTrue();
                // 143 = 128 + SIGTERM: the JVM's status after its shutdown hooks ran.
                assertThat(p.exitValue()).isEqualTo(143);
            }
            assertThat(logs.resolve("flotilla-sidecar.log")).isRegularFile();
            assertThat(logs.resolve("flotilla-supervisor.log")).isRegularFile();
            // The processes' own lines, through slf4j 2 and log4j: a missing provider logs nothing.
            assertThat(Files.readString(logs.resolve("flotilla-sidecar.log")))
                    .contains("sidecar for ")
                    .doesNotContain(SIDECAR_TOKEN);
            assertThat(Files.readString(logs.resolve("flotilla-supervisor.log")))
                    .contains("supervisor ")
                    .contains(" listening on ")
                    .doesNotContain("No SLF4J providers")
                    .doesNotContain(ADMIN_TOKEN)
                    .doesNotContain(SIDECAR_TOKEN);
        } finally {
            for (Process p : started) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static Process start(Path script, List<String> args, Map<String, String> env, Path out)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.redirectOutput(out.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("FLOTILLA_"));
        pb.environment().putAll(env);
        return pb.start();
    }

    private JsonNode get(URI uri, String token) throws Exception {
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(20))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException(uri + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** Polls until {@code done} holds, failing early if the process died. */
    private static JsonNode await(String what, Call call, Predicate<JsonNode> done, Process process)
            throws Exception {
        Instant deadline = Instant.now().plus(SLOW);
        String last = "nothing yet";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError(what + ": the process exited with " + process.exitValue());
            }
            try {
                JsonNode node = call.get();
                if (done.test(node)) {
                    return node;
                }
                last = node.toString();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError(what + " within " + SLOW + "; last: " + last);
    }

    private interface Call {
        JsonNode get() throws Exception;
    }

    private static Path write(Path file, String... lines) throws IOException {
        return Files.write(file, List.of(lines));
    }

    /** {@code n} distinct free ports: held open together, so the kernel cannot hand one twice. */
    private static int[] freePorts(int n) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0);
                held.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
    }
}
