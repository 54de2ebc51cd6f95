package io.flotilla.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.local.cli.Main;
import io.flotilla.local.process.Distribution;
import io.flotilla.local.process.PlatformException;
import io.flotilla.local.process.RunFolder;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Start, describe and stop a real two-cluster platform; bad input starts nothing. */
class PlatformLifecycleITCase {

    @Test
    void twoClustersS3AndPostgresStartDescribeThemselvesAndStopWithoutLeftovers() throws Exception {
        Path home = TestingPlatforms.freshHome("platform-lifecycle");
        List<Long> pids;
        try (LocalPlatform platform = TestingPlatforms.start(home, 2)) {
            pids = platform.pids();
            JsonNode json =
                    PlatformDescriptor.JSON.readTree(home.resolve("platform.json").toFile());
            assertThat(json.get("clusters")).hasSize(2);
            assertThat(json.at("/clusters/0/restUrl").asText()).startsWith("http://127.0.0.1:");
            assertThat(json.at("/clusters/1/stateUri").asText())
                    .isEqualTo("s3://flotilla-state/cluster-2");
            assertThat(json.at("/s3/buckets").toString())
                    .contains("flotilla-state", "flotilla-artifacts");
            assertThat(json.at("/postgres/jdbcUrl").asText()).startsWith("jdbc:postgresql://");
            // Each sidecar is a JVM of its own, listed with its own log.
            for (int i = 0; i < 2; i++) {
                long sidecarPid = json.at("/clusters/" + i + "/sidecarPid").asLong();
                assertThat(sidecarPid).isNotEqualTo(ProcessHandle.current().pid());
                assertThat(ProcessHandle.of(sidecarPid).map(ProcessHandle::isAlive)).contains(true);
                assertThat(pids).contains(sidecarPid);
                assertThat(Path.of(json.at("/clusters/" + i + "/sidecarLog").asText()))
                        .isRegularFile()
                        .hasParent(home.resolve("logs/sidecars/cluster-" + (i + 1) + "-sidecar"));
            }
            assertThat(Files.readString(home.resolve("platform.json")))
                    .doesNotContain("flotilla-local-secret");
            try (Connection c = platform.database().connect()) {
                assertThat(c.isValid(5)).isTrue();
            }

            // Stopping one cluster on purpose stops only that cluster: PostgreSQL stays up.
            platform.clusters().get(1).close();
            try (Connection c = platform.database().connect()) {
                assertThat(c.isValid(5)).isTrue();
            }

            // A second platform on the same run folder is refused and starts nothing.
            assertThatThrownBy(() -> TestingPlatforms.start(home, 1))
                    .isInstanceOf(PlatformException.class)
                    .hasMessageContaining("is held by another running platform")
                    .hasMessageContaining("bin/flotilla stop");
            assertThat(PlatformDescriptor.read(home)).isPresent();
        }
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("process %d after stop", pid)
                    .isFalse();
        }
        assertThat(home.resolve("platform.json")).doesNotExist();
        assertThat(postgresProcessesUnder(home)).isEmpty();
    }

    @Test
    void takenPortIsRefusedByNameAndNothingIsLeftRunning() throws Exception {
        Path home = TestingPlatforms.freshHome("port-taken");
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            List<ProcessHandle> before = javaChildren();
            assertThatThrownBy(
                            () ->
                                    TestingPlatforms.start(
                                            home,
                                            1,
                                            "--postgres-port",
                                            String.valueOf(taken.getLocalPort())))
                    .isInstanceOf(PlatformException.class)
                    .hasMessageContaining(
                            "port " + taken.getLocalPort() + " for PostgreSQL is already taken")
                    .hasMessageContaining("--postgres-port");
            // None new; a child of an earlier test may still be exiting, so no equal count.
            assertThat(javaChildren()).isSubsetOf(before);
            assertThat(RunFolder.held(home)).isFalse();
        }
    }

    @Test
    void killedLauncherTakesItsJvmsWithIt() throws Exception {
        Path home = TestingPlatforms.freshHome("launcher-killed");
        Distribution dist = Distribution.locate();
        List<String> command =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-D" + Distribution.PROPERTY + "=" + dist.target(),
                                "-cp",
                                dist.classpath(),
                                Main.class.getName(),
                                "start",
                                "--home",
                                home.toString(),
                                "--clusters",
                                "1",
                                "--slots",
                                "1",
                                "--ha",
                                "true"));
        Process launcher =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(home.resolve("launcher.out").toFile())
                        .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            // The supervisors start last: the descriptor names them once they answer.
            while (PlatformDescriptor.read(home).map(d -> d.supervisor() == null).orElse(true)
                    && System.nanoTime() < deadline) {
                assertThat(launcher.isAlive())
                        .as(Files.readString(home.resolve("launcher.out")))
                        .isTrue();
                Thread.sleep(200);
            }
            PlatformDescriptor running = PlatformDescriptor.read(home).orElseThrow();
            // Kafka is on by default for the command line: its JVM has to go with the launcher too.
            assertThat(running.kafka()).as("kafka in platform.json").isNotNull();
            List<Long> jvms =
                    new ArrayList<>(
                            List.of(
                                    running.clusters().get(0).jobManagerPid(),
                                    running.clusters().get(0).taskManagerPid(),
                                    running.clusters().get(0).sidecarPid(),
                                    running.kafka().pid()));
            // With --ha, two supervisor JVMs.
            assertThat(running.supervisor().processes()).hasSize(2);
            running.supervisor().processes().forEach(p -> jvms.add(p.pid()));

            launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown hook

            for (long pid : jvms) {
                ProcessHandle.of(pid)
                        .ifPresent(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).join());
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
                        .as("process %d after the launcher's SIGKILL", pid)
                        .isNotEqualTo(java.util.Optional.of(true));
            }
            // PostgreSQL is no JVM: the watchdogs stop it too.
            long deadlinePg = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!postgresProcessesUnder(home).isEmpty() && System.nanoTime() < deadlinePg) {
                Thread.sleep(200);
            }
            assertThat(postgresProcessesUnder(home)).isEmpty();
        } finally {
            launcher.destroyForcibly();
            stopLeftOverPostgres(home);
        }
        assertThat(RunFolder.held(home)).isFalse();
    }

    private static List<ProcessHandle> javaChildren() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
    }

    private static List<ProcessHandle> postgresProcessesUnder(Path home) {
        String dataDir = home.resolve("postgres").toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(dataDir)).orElse(false))
                .toList();
    }

    private static void stopLeftOverPostgres(Path home) {
        for (ProcessHandle p : postgresProcessesUnder(home)) {
            p.destroy();
            p.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        assertThat(postgresProcessesUnder(home)).isEmpty();
    }
}
