package io.flotilla.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;

/**
 * {@link HttpTransport} over {@code HttpURLConnection}, for short-lived processes: it loads a
 * fraction of what {@code java.net.http} does and starts no thread, and answers the same way.
 */
final class UrlConnectionTransport implements HttpTransport {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final SSLContext ssl;

    UrlConnectionTransport(SSLContext ssl) {
        this.ssl = ssl;
    }

    @Override
    public Answer send(
            String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout)
            throws IOException {
        boolean get = method.equals("GET");
        if (get && body != null) {
            // HttpURLConnection would turn a GET with a body into a POST.
            throw new IllegalArgumentException("a GET has no body: " + uri);
        }
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        if (ssl != null && c instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(ssl.getSocketFactory());
        }
        c.setRequestMethod(method);
        // As java.net.http's client does by default: a redirect is the caller's answer.
        c.setInstanceFollowRedirects(false);
        c.setUseCaches(false);
        c.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
        c.setReadTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis())));
        headers.forEach(c::setRequestProperty);
        if (!get) {
            // A fixed length (0 for no body) also keeps HttpURLConnection from silently sending a
            // change again when a kept-alive connection turns out closed.
            byte[] bytes = body == null ? new byte[0] : body;
            c.setDoOutput(true);
            c.setFixedLengthStreamingMode(bytes.length);
            try (OutputStream out = c.getOutputStream()) {
                out.write(bytes);
            }
        }
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        if (in == null) {
            return new Answer(status, new byte[0]);
        }
        // Read to the end and closed, the connection goes back to the keep-alive cache.
        try (in) {
            return new Answer(status, in.readAllBytes());
        }
    }
}
