package io.flotilla.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Both transports send the same request and hand back the same answer. */
class HttpTransportTest {

    private HttpServer server;
    private URI base;
    private volatile String seen;

    static Stream<HttpTransport> transports() {
        return Stream.of(HttpTransport.httpClient(null), HttpTransport.urlConnection(null));
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/echo",
                x -> {
                    byte[] in = x.getRequestBody().readAllBytes();
                    seen =
                            x.getRequestMethod()
                                    + " "
                                    + x.getRequestURI()
                                    + " auth="
                                    + x.getRequestHeaders().getFirst("Authorization")
                                    + " length="
                                    + x.getRequestHeaders().getFirst("Content-Length")
                                    + " body="
                                    + new String(in, StandardCharsets.UTF_8);
                    byte[] out = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
                    x.sendResponseHeaders(201, out.length);
                    x.getResponseBody().write(out);
                    x.close();
                });
        server.createContext(
                "/refuse",
                x -> {
                    byte[] out = "{\"error\":{\"code\":\"nope\"}}".getBytes(StandardCharsets.UTF_8);
                    x.sendResponseHeaders(409, out.length);
                    x.getResponseBody().write(out);
                    x.close();
                });
        server.createContext(
                "/moved",
                x -> {
                    x.getResponseHeaders().add("Location", "/echo");
                    x.sendResponseHeaders(302, -1);
                    x.close();
                });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static HttpTransport.Answer send(HttpTransport t, String method, URI uri, byte[] body)
            throws Exception {
        return t.send(
                method, uri, Map.of("Authorization", "Bearer t"), body, Duration.ofSeconds(10));
    }

    @ParameterizedTest
    @MethodSource("transports")
    void getSendsTheHeadersAndReadsTheStatusAndBody(HttpTransport t) throws Exception {
        HttpTransport.Answer a = send(t, "GET", base.resolve("/echo?q=1"), null);

        assertThat(a.status()).isEqualTo(201);
        assertThat(new String(a.body(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
        assertThat(seen).startsWith("GET /echo?q=1 auth=Bearer t").endsWith("body=");
    }

    @ParameterizedTest
    @MethodSource("transports")
    void changesSendTheirBodyOrAnEmptyOneWithItsLength(HttpTransport t) throws Exception {
        send(t, "POST", base.resolve("/echo"), "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        String post = seen;
        send(t, "PUT", base.resolve("/echo"), null);
        String put = seen;
        send(t, "DELETE", base.resolve("/echo"), null);

        assertThat(List.of(post, put, seen))
                .containsExactly(
                        "POST /echo auth=Bearer t length=7 body={\"a\":1}",
                        "PUT /echo auth=Bearer t length=0 body=",
                        "DELETE /echo auth=Bearer t length=0 body=");
    }

    @ParameterizedTest
    @MethodSource("transports")
    void aRefusalIsAnAnswerWithItsBody(HttpTransport t) throws Exception {
        HttpTransport.Answer a = send(t, "POST", base.resolve("/refuse"), null);

        assertThat(a.status()).isEqualTo(409);
        assertThat(new String(a.body(), StandardCharsets.UTF_8)).contains("nope");
    }

    @ParameterizedTest
    @MethodSource("transports")
    void aRedirectIsNotFollowed(HttpTransport t) throws Exception {
        assertThat(send(t, "GET", base.resolve("/moved"), null).status()).isEqualTo(302);
    }

    @ParameterizedTest
    @MethodSource("transports")
    void aServiceThatIsNotThereIsAnIoException(HttpTransport t) {
        server.stop(0);

        assertThatThrownBy(() -> send(t, "GET", base.resolve("/echo"), null))
                .isInstanceOf(IOException.class);
    }
}
