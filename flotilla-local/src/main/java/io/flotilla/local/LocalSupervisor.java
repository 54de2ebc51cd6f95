package io.flotilla.local;

import io.flotilla.http.ApiCallException;
import io.flotilla.local.process.FlinkCluster;
import io.flotilla.local.process.PlatformException;
import io.flotilla.local.process.Ports;
import io.flotilla.local.process.RunFolder;
import io.flotilla.local.process.ServiceProcess;
import io.flotilla.local.process.SidecarToken;
import io.flotilla.local.process.SupervisorProcess;
import io.flotilla.supervisor.api.RegisterClusterRequest;
import io.flotilla.supervisor.api.SupervisorClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local platform's supervisors: one JVM, or two sharing the leader lease in the platform's
 * PostgreSQL ({@code --ha}), each started from {@code SupervisorMain} with its own config file,
 * port and log; an admin token in an owner-only file; every cluster of the platform registered
 * through the API.
 */
public final class LocalSupervisor implements AutoCloseable {

    static final String TOKENS_FILE = "conf/supervisor.tokens";
    static final String TOKEN_FILE = "conf/supervisor.token";
    static final String VIEWER_TOKEN_FILE = "conf/supervisor.viewer.token";

    private final LocalPlatform platform;
    private final List<String> extraArgs;
    private final String token;
    private final Path home;
    private final String viewerToken;
    private final List<SupervisorProcess> processes = new ArrayList<>();
    private int started;

    private LocalSupervisor(
            LocalPlatform platform, List<String> extraArgs, String token, String viewer) {
        this.platform = platform;
        this.extraArgs = List.copyOf(extraArgs);
        this.token = token;
        this.viewerToken = viewer;
        this.home = platform.home();
    }

    /** Starts one supervisor and registers the platform's clusters with it. */
    public static LocalSupervisor start(LocalPlatform platform) {
        return start(platform, List.of());
    }

    /**
     * Starts one supervisor with {@code extraArgs} (supervisor settings, such as {@code
     * --lost-after 5s}) and registers the platform's clusters with it.
     */
    public static LocalSupervisor start(LocalPlatform platform, List<String> extraArgs) {
        return start(platform, extraArgs, 1);
    }

    /**
     * Starts {@code instances} supervisors on the platform's database (two for a leader and a
     * standby), with {@code extraArgs}, and registers the platform's clusters.
     */
    public static LocalSupervisor start(
            LocalPlatform platform, List<String> extraArgs, int instances) {
        Path home = platform.home();
        String token = HexFormat.of().formatHex(random());
        String viewer = HexFormat.of().formatHex(random());
        secretFile(
                home.resolve(TOKENS_FILE),
                "# name role token\nadmin admin " + token + "\nviewer viewer " + viewer + "\n");
        secretFile(home.resolve(TOKEN_FILE), token + "\n");
        secretFile(home.resolve(VIEWER_TOKEN_FILE), viewer + "\n");
        LocalSupervisor supervisor = new LocalSupervisor(platform, extraArgs, token, viewer);
        platform.stopsWithPlatform(supervisor);
        try {
            List<java.util.concurrent.CompletableFuture<SupervisorProcess>> starting =
                    new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                String name = supervisor.nextName();
                starting.add(
                        java.util.concurrent.CompletableFuture.supplyAsync(
                                () -> supervisor.launch(name)));
            }
            RuntimeException failed = null;
            for (var f : starting) {
                try {
                    supervisor.add(f.join());
                } catch (java.util.concurrent.CompletionException e) {
                    failed = e.getCause() instanceof RuntimeException re ? re : e;
                }
            }
            if (failed != null) {
                throw failed;
            }
            supervisor.registerClusters();
        } catch (RuntimeException e) {
            supervisor.close();
            throw e;
        }
        return supervisor;
    }

    private synchronized String nextName() {
        return "supervisor-" + ++started;
    }

    private synchronized void add(SupervisorProcess process) {
        processes.add(process);
    }

    /** Starts one supervisor JVM named {@code name} and waits for its {@code /health}. */
    private SupervisorProcess launch(String name) {
        int port = Ports.pick(0, "the API of " + name, "port");
        Map<String, String> config = new LinkedHashMap<>();
        config.put("FLOTILLA_SUPERVISOR_JDBC_URL", platform.database().jdbcUrl());
        config.put("FLOTILLA_SUPERVISOR_JDBC_USER", platform.database().user());
        config.put("FLOTILLA_SUPERVISOR_PORT", String.valueOf(port));
        config.put("FLOTILLA_SUPERVISOR_TOKENS_FILE", home.resolve(TOKENS_FILE).toString());
        config.put("FLOTILLA_SUPERVISOR_HOLDER", name);
        config.put(
                "FLOTILLA_SUPERVISOR_SECRETS_DIR",
                home.resolve(SidecarToken.DIR).toAbsolutePath().normalize().toString());
        // the sidecars are on loopback beside it
        config.put("FLOTILLA_SUPERVISOR_SIDECAR_ALLOW_HTTP", "true");
        config.put("FLOTILLA_SUPERVISOR_TICK_INTERVAL", "1s");
        config.put("FLOTILLA_SUPERVISOR_LEASE_TTL", "5s");
        config.put(
                "FLOTILLA_SUPERVISOR_CHECKPOINT_INTERVAL",
                platform.checkpointInterval().toString());
        config.put("FLOTILLA_SUPERVISOR_LOST_AFTER", platform.lostAfter().toString());
        config.put("FLOTILLA_SUPERVISOR_CLUSTER_CHECK_EVERY", "1s");
        Map<String, String> secrets = new HashMap<>();
        if (platform.database().password() != null) {
            secrets.put("FLOTILLA_SUPERVISOR_JDBC_PASSWORD", platform.database().password());
        }
        RunFolder run = platform.runFolder();
        ServiceProcess process =
                ServiceProcess.start(
                        name,
                        SupervisorProcess.MAIN,
                        platform.distribution(),
                        run,
                        run.resolve("conf/supervisors/" + name + ".conf"),
                        config,
                        secrets,
                        extraArgs,
                        run.logs().resolve("supervisors").resolve(name),
                        port,
                        token);
        return new SupervisorProcess(process, token);
    }

    private void registerClusters() {
        SupervisorClient api = client();
        for (FlinkCluster c : platform.clusters()) {
            RegisterClusterRequest cluster =
                    new RegisterClusterRequest(
                            c.name(),
                            platform.sidecar(c.name()).uri().toString(),
                            "file:" + home.resolve(SidecarToken.FILE).toAbsolutePath().normalize(),
                            c.slots(),
                            null);
            try {
                api.registerCluster(cluster);
            } catch (ApiCallException e) {
                throw new PlatformException(
                        "registering " + c.name() + " with the supervisor failed: " + e, e);
            }
        }
    }

    /** Every supervisor JVM started, alive or killed, in start order. */
    public synchronized List<SupervisorProcess> processes() {
        return List.copyOf(processes);
    }

    /** The supervisors whose JVM is alive. */
    public List<SupervisorProcess> alive() {
        return processes().stream().filter(SupervisorProcess::alive).toList();
    }

    /** The one whose last step held the lease, if one does now. */
    public Optional<SupervisorProcess> leader() {
        return alive().stream().filter(SupervisorProcess::leading).findFirst();
    }

    /**
     * Starts one more supervisor JVM with the same settings, as a restarted pod would be: it stands
     * by until the lease is free.
     */
    public SupervisorProcess startAnother() {
        SupervisorProcess process = launch(nextName());
        add(process);
        return process;
    }

    /** Process ids of the supervisor JVMs alive now. */
    public List<Long> pids() {
        return alive().stream().map(SupervisorProcess::pid).toList();
    }

    /** The API of the first live supervisor: every one serves the API, leading or not. */
    public URI uri() {
        List<SupervisorProcess> live = alive();
        return (live.isEmpty() ? processes().get(0) : live.get(0)).uri();
    }

    /** The admin token (also in {@code conf/supervisor.token}). */
    public String token() {
        return token;
    }

    /** A read-only token (role viewer, also in {@code conf/supervisor.viewer.token}). */
    public String viewerToken() {
        return viewerToken;
    }

    /** Where the web UI is: the API's address, under {@code /}. */
    public URI uiUri() {
        return uri().resolve("/");
    }

    public Path viewerTokenFile() {
        return home.resolve(VIEWER_TOKEN_FILE);
    }

    /** A client of the supervisor's API with the admin token. */
    public SupervisorClient client() {
        return new SupervisorClient(uri(), token);
    }

    public Path tokenFile() {
        return home.resolve(TOKEN_FILE);
    }

    private static byte[] random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static void secretFile(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(
                    file,
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new PlatformException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Stops every supervisor JVM with SIGTERM; one already stopped or killed is skipped. */
    @Override
    public void close() {
        for (SupervisorProcess p : processes()) {
            p.close();
        }
    }
}
