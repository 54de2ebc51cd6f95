package io.flotilla.local;

import io.flotilla.http.ApiCallException;
import io.flotilla.supervisor.api.RegisterClusterRequest;
import io.flotilla.supervisor.api.SupervisorClient;
import io.flotilla.supervisor.app.SupervisorServer;
import io.flotilla.supervisor.app.SupervisorSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The local platform's supervisor, in the launcher's JVM like the sidecars: on the platform's
 * PostgreSQL, with an admin token in an owner-only file, and every cluster of the platform
 * registered through its API.
 */
public final class LocalSupervisor implements AutoCloseable {

    static final String TOKENS_FILE = "conf/supervisor.tokens";
    static final String TOKEN_FILE = "conf/supervisor.token";
    static final String VIEWER_TOKEN_FILE = "conf/supervisor.viewer.token";

    private final SupervisorServer server;
    private final String token;
    private final Path home;

    private final String viewerToken;

    private LocalSupervisor(SupervisorServer server, String token, String viewer, Path home) {
        this.server = server;
        this.token = token;
        this.viewerToken = viewer;
        this.home = home;
    }

    /** Starts the supervisor and registers the platform's clusters with it. */
    public static LocalSupervisor start(LocalPlatform platform) {
        return start(platform, List.of());
    }

    /**
     * Starts the supervisor with {@code extraArgs} (supervisor settings, such as {@code
     * --lost-after 5s}) and registers the platform's clusters with it.
     */
    public static LocalSupervisor start(LocalPlatform platform, List<String> extraArgs) {
        Path home = platform.home();
        String token = HexFormat.of().formatHex(random());
        String viewer = HexFormat.of().formatHex(random());
        secretFile(
                home.resolve(TOKENS_FILE),
                "# name role token\nadmin admin " + token + "\nviewer viewer " + viewer + "\n");
        secretFile(home.resolve(TOKEN_FILE), token + "\n");
        secretFile(home.resolve(VIEWER_TOKEN_FILE), viewer + "\n");
        Map<String, String> env = new HashMap<>();
        if (platform.database().password() != null) {
            env.put("FLOTILLA_SUPERVISOR_JDBC_PASSWORD", platform.database().password());
        }
        List<String> args =
                new java.util.ArrayList<>(
                        List.of(
                                "--jdbc-url",
                                platform.database().jdbcUrl(),
                                "--jdbc-user",
                                platform.database().user(),
                                "--tokens-file",
                                home.resolve(TOKENS_FILE).toString(),
                                "--holder",
                                "local",
                                "--secrets-dir",
                                home.resolve(SidecarToken.DIR)
                                        .toAbsolutePath()
                                        .normalize()
                                        .toString(),
                                "--sidecar-allow-http",
                                "true",
                                "--tick-interval",
                                "1s",
                                "--lease-ttl",
                                "5s",
                                "--checkpoint-interval",
                                platform.checkpointInterval().toString(),
                                "--lost-after",
                                platform.lostAfter().toString(),
                                "--cluster-check-every",
                                "1s"));
        args.addAll(extraArgs);
        SupervisorServer server = SupervisorServer.start(SupervisorSettings.parse(args, env));
        LocalSupervisor supervisor = new LocalSupervisor(server, token, viewer, home);
        try {
            SupervisorClient api = supervisor.client();
            for (FlinkCluster c : platform.clusters()) {
                RegisterClusterRequest cluster =
                        new RegisterClusterRequest(
                                c.name(),
                                platform.sidecar(c.name()).uri().toString(),
                                "file:"
                                        + home.resolve(SidecarToken.FILE)
                                                .toAbsolutePath()
                                                .normalize(),
                                c.slots(),
                                null);
                try {
                    api.registerCluster(cluster);
                } catch (ApiCallException e) {
                    throw new PlatformException(
                            "registering " + c.name() + " with the supervisor failed: " + e, e);
                }
            }
        } catch (RuntimeException e) {
            supervisor.close();
            throw e;
        }
        return supervisor;
    }

    public URI uri() {
        return server.uri();
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
        return server.uri().resolve("/");
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

    @Override
    public void close() {
        server.close();
    }
}
