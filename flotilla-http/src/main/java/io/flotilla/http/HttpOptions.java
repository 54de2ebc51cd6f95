package io.flotilla.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link HttpApi} serves: TLS or not, its timeouts and its size limits.
 *
 * @param keystore the TLS keystore, or null for plain HTTP
 * @param keystorePassword its password (never logged)
 */
public record HttpOptions(
        Path keystore,
        String keystorePassword,
        Duration idleTimeout,
        int maxHeaderBytes,
        int maxBodyBytes,
        Duration shutdownTimeout) {

    public HttpOptions {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        if (keystore != null && (keystorePassword == null || keystorePassword.isEmpty())) {
            throw new IllegalArgumentException(
                    "--tls-keystore "
                            + keystore
                            + " needs --tls-keystore-password (or its environment variable)");
        }
    }

    /** Plain HTTP with the defaults of {@link HttpSettings}. */
    public static HttpOptions defaults() {
        return new HttpOptions(
                null,
                null,
                HttpSettings.IDLE_TIMEOUT.defaultValue(),
                HttpSettings.MAX_HEADER_SIZE.defaultValue().intValue(),
                HttpSettings.MAX_BODY_SIZE.defaultValue().intValue(),
                HttpSettings.SHUTDOWN_TIMEOUT.defaultValue());
    }

    /** From a service's parsed settings, looked up with {@code get}. */
    public static HttpOptions from(SettingSource get) {
        String keystore = get.value(HttpSettings.TLS_KEYSTORE);
        return new HttpOptions(
                keystore == null || keystore.isBlank() ? null : Path.of(keystore),
                get.value(HttpSettings.TLS_KEYSTORE_PASSWORD),
                get.value(HttpSettings.IDLE_TIMEOUT),
                (int) Math.min(Integer.MAX_VALUE, get.value(HttpSettings.MAX_HEADER_SIZE)),
                (int) Math.min(Integer.MAX_VALUE, get.value(HttpSettings.MAX_BODY_SIZE)),
                get.value(HttpSettings.SHUTDOWN_TIMEOUT));
    }

    /** The same options serving TLS from {@code keystore}. */
    public HttpOptions withTls(Path keystore, String password) {
        return new HttpOptions(
                keystore, password, idleTimeout, maxHeaderBytes, maxBodyBytes, shutdownTimeout);
    }

    public HttpOptions withIdleTimeout(Duration timeout) {
        return new HttpOptions(
                keystore, keystorePassword, timeout, maxHeaderBytes, maxBodyBytes, shutdownTimeout);
    }

    public boolean tls() {
        return keystore != null;
    }

    @Override
    public String toString() {
        return "HttpOptions[tls=" + tls() + ", idle=" + idleTimeout + "]";
    }

    /** Reads a setting's value from a service's settings. */
    @FunctionalInterface
    public interface SettingSource {
        <T> T value(io.flotilla.common.Setting<T> setting);
    }
}
