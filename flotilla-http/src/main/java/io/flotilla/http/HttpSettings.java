package io.flotilla.http;

import io.flotilla.common.Setting;
import java.time.Duration;
import java.util.List;

/**
 * The settings every Flotilla HTTP server shares: TLS, timeouts and size limits. Each service lists
 * them among its own, so flags, environment variables and docs/configuration.md come from here.
 */
public final class HttpSettings {

    private HttpSettings() {}

    public static final Setting<String> TLS_KEYSTORE =
            Setting.string(
                    "tls-keystore",
                    "",
                    "PKCS12 (or JKS) keystore with the server's key and certificate: serves HTTPS"
                            + " instead of HTTP when set");
    public static final Setting<String> TLS_KEYSTORE_PASSWORD =
            Setting.string(
                    "tls-keystore-password",
                    "",
                    "password of --tls-keystore; prefer the environment variable to the flag, so"
                            + " it does not show in the process list");
    public static final Setting<Duration> IDLE_TIMEOUT =
            Setting.duration(
                    "http-idle-timeout",
                    Duration.ofSeconds(30),
                    "a connection that sends or reads nothing for this long is closed (slow"
                            + " headers and bodies included)");
    public static final Setting<Long> MAX_HEADER_SIZE =
            Setting.bytes(
                    "http-max-header-size",
                    16L << 10,
                    "largest request line plus headers; larger requests get 431");
    public static final Setting<Long> MAX_BODY_SIZE =
            Setting.bytes(
                    "http-max-body-size", 1L << 20, "largest request body; larger ones get 413");
    public static final Setting<Duration> SHUTDOWN_TIMEOUT =
            Setting.duration(
                    "http-shutdown-timeout",
                    Duration.ofSeconds(10),
                    "on stop, requests in flight may finish for this long; new connections are"
                            + " refused at once");

    public static final List<Setting<?>> ALL =
            List.of(
                    TLS_KEYSTORE,
                    TLS_KEYSTORE_PASSWORD,
                    IDLE_TIMEOUT,
                    MAX_HEADER_SIZE,
                    MAX_BODY_SIZE,
                    SHUTDOWN_TIMEOUT);
}
