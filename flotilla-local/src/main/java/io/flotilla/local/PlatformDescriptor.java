package io.flotilla.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.flotilla.local.process.PlatformException;
import io.flotilla.local.process.RunFolder;
import io.flotilla.local.process.S3Store;
import io.flotilla.local.process.SidecarToken;
import io.flotilla.local.process.SupervisorProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

/**
 * {@code platform.json}: every endpoint of a running platform, for other tools to read. It holds no
 * secret; the S3 and database passwords are given to tools by setting, never through it.
 */
public record PlatformDescriptor(
        long pid,
        String startedAt,
        String home,
        List<Cluster> clusters,
        S3 s3,
        Postgres postgres,
        Kafka kafka,
        String sidecarTokenFile,
        Supervisor supervisor) {

    /**
     * The supervisor's API and the file holding its admin token, and each supervisor JVM; null when
     * none runs.
     */
    public record Supervisor(
            String url, String tokenFile, String openapi, List<Process> processes) {}

    /** One supervisor JVM: its name in the lease, its API, pid, config file and log. */
    public record Process(String name, String url, long pid, String config, String log) {}

    /** One session cluster. */
    public record Cluster(
            String name,
            String restUrl,
            String sidecarUrl,
            String stateUri,
            int slots,
            long jobManagerPid,
            long taskManagerPid,
            String jobManagerLog,
            String taskManagerLog,
            long sidecarPid,
            String sidecarConfig,
            String sidecarLog) {}

    /** The S3 store. */
    public record S3(String endpoint, String accessKey, List<String> buckets, boolean local) {}

    /** The database. */
    public record Postgres(String jdbcUrl, String user, boolean embedded) {}

    /** The Kafka broker; null when the platform runs without one. */
    public record Kafka(String bootstrapServers, List<String> topics, long pid, String log) {}

    public static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static PlatformDescriptor of(LocalPlatform platform, LocalSupervisor supervisor) {
        Path logs = platform.home().resolve("logs");
        List<Cluster> clusters =
                platform.clusters().stream()
                        .map(
                                c ->
                                        new Cluster(
                                                c.name(),
                                                c.restUrl().toString(),
                                                platform.sidecar(c.name()).uri().toString(),
                                                c.stateUri(),
                                                c.slots(),
                                                c.jobManager().pid(),
                                                c.taskManager().pid(),
                                                logs.resolve(c.name() + "-jobmanager.log")
                                                        .toString(),
                                                logs.resolve(c.name() + "-taskmanager.log")
                                                        .toString(),
                                                platform.sidecar(c.name()).pid(),
                                                platform.sidecar(c.name()).config().toString(),
                                                platform.sidecar(c.name()).log().toString()))
                        .toList();
        S3Store s3 = platform.s3();
        return new PlatformDescriptor(
                ProcessHandle.current().pid(),
                Instant.now().toString(),
                platform.home().toString(),
                clusters,
                new S3(
                        s3.endpoint().toString(),
                        s3.accessKey(),
                        S3Store.BUCKETS,
                        s3.process() != null),
                new Postgres(
                        platform.database().jdbcUrl(),
                        platform.database().user(),
                        platform.database().embedded()),
                platform.kafka()
                        .map(
                                k ->
                                        new Kafka(
                                                k.bootstrap(),
                                                k.topics(),
                                                k.process().pid(),
                                                k.process().log().toString()))
                        .orElse(null),
                platform.home().resolve(SidecarToken.FILE).toString(),
                supervisor == null
                        ? null
                        : new Supervisor(
                                supervisor.uri().toString(),
                                supervisor.tokenFile().toString(),
                                supervisor.uri() + "/v1/openapi.json",
                                supervisor.processes().stream()
                                        .filter(SupervisorProcess::alive)
                                        .map(
                                                p ->
                                                        new Process(
                                                                p.name(),
                                                                p.uri().toString(),
                                                                p.pid(),
                                                                p.config().toString(),
                                                                p.log().toString()))
                                        .toList()));
    }

    public static void write(LocalPlatform platform) {
        write(platform, null);
    }

    public static void write(LocalPlatform platform, LocalSupervisor supervisor) {
        Path file = platform.home().resolve(RunFolder.DESCRIPTOR);
        Path tmp = platform.home().resolve(RunFolder.DESCRIPTOR + ".tmp");
        try {
            JSON.writeValue(tmp.toFile(), of(platform, supervisor));
            Files.move(
                    tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new PlatformException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads the descriptor of the platform running in {@code home}, if one is running. */
    public static java.util.Optional<PlatformDescriptor> read(Path home) {
        Path file = home.resolve(RunFolder.DESCRIPTOR);
        if (!Files.exists(file) || !RunFolder.held(home)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(JSON.readValue(file.toFile(), PlatformDescriptor.class));
        } catch (IOException e) {
            throw new PlatformException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static void delete(Path home) {
        try {
            Files.deleteIfExists(home.resolve(RunFolder.DESCRIPTOR));
        } catch (IOException ignored) {
            // a stale descriptor is recognised by its released lock
        }
    }
}
