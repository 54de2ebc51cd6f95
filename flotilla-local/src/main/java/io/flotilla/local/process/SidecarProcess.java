package io.flotilla.local.process;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sidecar in its own JVM beside its cluster's JobManager, started from {@code
 * io.flotilla.sidecar.SidecarMain} with a config file under {@code conf/sidecars/} and its log in
 * {@code logs/sidecars/<name>/}, a folder of its own.
 */
public final class SidecarProcess implements AutoCloseable {

    static final String MAIN = "io.flotilla.sidecar.SidecarMain";

    private final String cluster;
    private final ServiceProcess process;

    private SidecarProcess(String cluster, ServiceProcess process) {
        this.cluster = cluster;
        this.process = process;
    }

    /**
     * Starts a sidecar named {@code name} for {@code cluster}, with the platform's {@code token},
     * state under {@code stateUri} and {@code extra} options (which win over the config file).
     */
    public static SidecarProcess start(
            String name,
            FlinkCluster cluster,
            String stateUri,
            S3Store s3,
            String token,
            Distribution dist,
            RunFolder run,
            List<String> extra) {
        int port = portOf(extra);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("FLOTILLA_SIDECAR_CLUSTER", cluster.name());
        config.put("FLOTILLA_SIDECAR_FLINK_REST_URL", cluster.restUrl().toString());
        config.put("FLOTILLA_SIDECAR_STATE_URI", stateUri);
        config.put("FLOTILLA_SIDECAR_S3_ENDPOINT", s3.endpoint().toString());
        config.put("FLOTILLA_SIDECAR_S3_ACCESS_KEY", s3.accessKey());
        config.put("FLOTILLA_SIDECAR_FLINK_UPLOAD_DIR", cluster.uploadDir().toString());
        config.put("FLOTILLA_SIDECAR_WORK_DIR", run.resolve("sidecars/" + name).toString());
        List<String> args = new ArrayList<>(extra);
        if (!extra.contains("--port")) {
            args.addAll(List.of("--port", String.valueOf(port)));
        }
        ServiceProcess process =
                ServiceProcess.start(
                        name,
                        MAIN,
                        dist,
                        run,
                        run.resolve("conf/sidecars/" + name + ".conf"),
                        config,
                        Map.of(
                                "FLOTILLA_SIDECAR_TOKEN",
                                token,
                                "FLOTILLA_SIDECAR_S3_SECRET_KEY",
                                s3.secretKey()),
                        args,
                        run.logs().resolve("sidecars").resolve(name),
                        port,
                        token);
        return new SidecarProcess(cluster.name(), process);
    }

    private static int portOf(List<String> extra) {
        int i = extra.indexOf("--port");
        return i >= 0 && i + 1 < extra.size()
                ? Integer.parseInt(extra.get(i + 1))
                : Ports.pick(0, "a sidecar", "port");
    }

    /** The cluster this sidecar serves. */
    public String cluster() {
        return cluster;
    }

    public URI uri() {
        return process.uri();
    }

    public long pid() {
        return process.pid();
    }

    /** This sidecar's own log file. */
    public Path log() {
        return process.log();
    }

    /** The config file it was started with, as an operator would write it. */
    public Path config() {
        return process.config();
    }

    public boolean alive() {
        return process.alive();
    }

    /** Kills the sidecar's JVM with SIGKILL, as a crash of its host would. */
    public void kill() {
        process.kill();
    }

    /** Stops the sidecar's JVM with SIGTERM. */
    @Override
    public void close() {
        process.close();
    }
}
