package io.flotilla.http;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * How an {@link ApiClient} sends one request and reads its answer: the JDK's {@code java.net.http}
 * client for the long-running services, a plain {@code HttpURLConnection} for short-lived processes
 * such as the CLI, where the former's start-up cost dominates.
 */
public interface HttpTransport {

    /** An answer as it came: the status and the body's bytes (empty when there is none). */
    record Answer(int status, byte[] body) {}

    /**
     * Sends {@code method} to {@code uri} with {@code headers} and {@code body} (null for none),
     * giving up after {@code timeout}.
     *
     * @throws IOException when the service cannot be reached or does not answer in time
     */
    Answer send(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout)
            throws IOException, InterruptedException;

    /**
     * The JDK's {@code java.net.http} client (HTTP/2 when offered, one shared connection pool).
     *
     * @param ssl trusts the service's certificate when it serves TLS, or null for the JDK's default
     */
    static HttpTransport httpClient(SSLContext ssl) {
        return new HttpClientTransport(ssl);
    }

    /**
     * {@code HttpURLConnection} (HTTP/1.1, in java.base): a fraction of the classes and no selector
     * thread to start, for a process that makes a few calls and exits.
     *
     * @param ssl trusts the service's certificate when it serves TLS, or null for the JDK's default
     */
    static HttpTransport urlConnection(SSLContext ssl) {
        return new UrlConnectionTransport(ssl);
    }
}
