package io.flotilla.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared HTTP layer on a real server on loopback: TLS, slow clients, metrics, errors. */
class HttpApiTest {

    static final String TOKEN = "t".repeat(32);
    static final Endpoint<Void, String> PING =
            Endpoint.get("/v1/ping", Role.VIEWER, String.class, "ping", "answers pong");
    static final Endpoint<Void, String> SLOW =
            Endpoint.change(
                    "POST", "/v1/slow", Role.ADMIN, Void.class, String.class, 200, "slow", "slow");
    static final Endpoint<Void, String> ITEM =
            Endpoint.get("/v1/items/{id}", Role.VIEWER, String.class, "item", "one item");

    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    final List<AutoCloseable> closing = new ArrayList<>();
    final CountDownLatch slowStarted = new CountDownLatch(1);

    @TempDir Path dir;

    HttpApi api(HttpOptions options) {
        HttpApi api =
                new HttpApi(
                                "test",
                                new InetSocketAddress("127.0.0.1", 0),
                                new TokenAuth(Map.of("t", TOKEN)),
                                metrics,
                                e -> null,
                                options,
                                new FencingGuard())
                        .route(PING, r -> Response.ok(Map.of("pong", true)))
                        .route(ITEM, r -> Response.ok(Map.of("id", r.param("id"))))
                        .route(
                                SLOW,
                                r -> {
                                    slowStarted.countDown();
                                    sleep(700);
                                    return Response.ok(Map.of("done", true));
                                });
        closing.add(api);
        return api;
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    @Test
    void servesHttpsFromAKeystoreAndRefusesPlainHttpOnThatPort() throws Exception {
        Path keystore = dir.resolve("server.p12");
        Process keytool =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "keytool")
                                        .toString(),
                                "-genkeypair",
                                "-alias",
                                "server",
                                "-keyalg",
                                "RSA",
                                "-keysize",
                                "2048",
                                "-validity",
                                "2",
                                "-dname",
                                "CN=127.0.0.1",
                                "-ext",
                                "SAN=ip:127.0.0.1",
                                "-storetype",
                                "PKCS12",
                                "-keystore",
                                keystore.toString(),
                                "-storepass",
                                "changeit")
                        .redirectErrorStream(true)
                        .start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue())
                .as(new String(keytool.getInputStream().readAllBytes()))
                .isZero();

        HttpApi api = api(HttpOptions.defaults().withTls(keystore, "changeit"));
        api.start();
        assertThat(api.uri().getScheme()).isEqualTo("https");

        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trust.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory tmf =
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);

        ApiClient client = new ApiClient(api.uri(), TOKEN, ssl);
        assertThat(client.call(PING, null)).contains("pong");

        URI plain = URI.create("http://127.0.0.1:" + api.uri().getPort() + "/v1/ping");
        HttpResponse<String> refused = null;
        try {
            refused =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(plain)
                                            .header("Authorization", "Bearer " + TOKEN)
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException expected) {
            // the TLS connector may also just close the connection
        }
        if (refused != null) {
            assertThat(refused.statusCode()).isEqualTo(400);
        }
    }

    @Test
    void clientsThatSendHalfAHeaderDoNotStallOthersAndAreClosedAfterTheIdleTimeout()
            throws Exception {
        // Long enough that the good client's own exchange never idles out on a loaded machine
        // (800 ms did, at a load average of 26 on 2 cores), short enough to keep the test quick.
        HttpApi api = api(HttpOptions.defaults().withIdleTimeout(Duration.ofSeconds(2)));
        api.start();
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Socket s = new Socket("127.0.0.1", api.uri().getPort());
            closing.add(s);
            s.getOutputStream().write("GET /v1/ping HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes());
            s.getOutputStream().flush();
            slow.add(s);
        }
        ApiClient client = new ApiClient(api.uri(), TOKEN).withTimeout(Duration.ofSeconds(30));
        for (int i = 0; i < 5; i++) {
            assertThat(client.call(PING, null)).contains("pong");
        }
        for (Socket s : slow) {
            s.setSoTimeout(30_000);
            // The server closes the connection (end of stream, possibly after a 408 answer).
            InputStream in = s.getInputStream();
            while (in.read() >= 0) {
                // drain whatever the server answers before it closes
            }
        }
    }

    @Test
    void oneClientReusesItsConnectionAcrossAnswersAndRefusals() throws Exception {
        HttpApi api = api(HttpOptions.defaults());
        api.start();
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 3; i++) {
            for (String token : new String[] {null, TOKEN}) {
                for (String method : new String[] {"GET", "POST"}) {
                    HttpRequest.Builder b =
                            HttpRequest.newBuilder(api.uri().resolve("/v1/ping"))
                                    .method(method, HttpRequest.BodyPublishers.noBody());
                    if (token != null) {
                        b.header("Authorization", "Bearer " + token);
                    }
                    int status =
                            http.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
                    assertThat(status).isIn(200, 401, 405);
                }
            }
        }
    }

    @Test
    void unknownMethodsAndPathsDoNotGrowTheMetrics() throws Exception {
        HttpApi api = api(HttpOptions.defaults());
        api.start();
        ApiClient client = new ApiClient(api.uri(), TOKEN);
        client.call(PING, null);
        for (int i = 0; i < 30; i++) {
            raw(
                    api,
                    "FOO"
                            + i
                            + " /v1/ping HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                            + TOKEN
                            + "\r\nConnection: close\r\n\r\n");
            raw(
                    api,
                    "GET /scan/"
                            + i
                            + "/wp-admin.php HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                            + TOKEN
                            + "\r\nConnection: close\r\n\r\n");
            raw(
                    api,
                    "GET /v1/items/"
                            + i
                            + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                            + TOKEN
                            + "\r\nConnection: close\r\n\r\n");
        }
        List<Meter> meters =
                metrics.getMeters().stream()
                        .filter(m -> m.getId().getName().equals("flotilla.http.requests"))
                        .toList();
        assertThat(meters)
                .allSatisfy(
                        m ->
                                assertThat(m.getId().getTag("route"))
                                        .isIn("/v1/ping", "/v1/items/{id}", "unmatched"));
        assertThat(meters)
                .allSatisfy(
                        m ->
                                assertThat(m.getId().getTag("method"))
                                        .isIn(
                                                "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD",
                                                "OPTIONS", "OTHER"));
        assertThat(meters.size()).isLessThanOrEqualTo(6);
    }

    @Test
    void malformedPathsAndEscapesAnswerJsonNotAnHtmlPage() throws Exception {
        HttpApi api = api(HttpOptions.defaults());
        api.start();
        for (String target :
                List.of("/v1/items/%zz", "/v1/items/%", "/v1/%E0%A4%A", "/v1/items/a%00b")) {
            String answer =
                    raw(
                            api,
                            "GET "
                                    + target
                                    + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                                    + TOKEN
                                    + "\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(target).startsWith("HTTP/1.1 4");
            assertThat(answer.toLowerCase()).as(target).contains("content-type: application/json");
            JsonNode body = Json.MAPPER.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
            assertThat(body.path("error").path("code").asText()).as(answer).isNotBlank();
            assertThat(body.path("error").path("message").asText()).as(answer).isNotBlank();
        }
        String unknown =
                raw(
                        api,
                        "GET /v1/nothing HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                                + TOKEN
                                + "\r\nConnection: close\r\n\r\n");
        assertThat(unknown).startsWith("HTTP/1.1 404").contains("\"not_found\"");
        String noToken =
                raw(api, "GET /v1/nothing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(noToken).startsWith("HTTP/1.1 401").contains("\"unauthenticated\"");
        String wrongMethod =
                raw(
                        api,
                        "DELETE /v1/ping HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                                + TOKEN
                                + "\r\nConnection: close\r\n\r\n");
        assertThat(wrongMethod).startsWith("HTTP/1.1 405").contains("\"method_not_allowed\"");
        String huge =
                raw(
                        api,
                        "GET /v1/ping HTTP/1.1\r\nHost: x\r\nX-Big: "
                                + "a".repeat(40_000)
                                + "\r\nConnection: close\r\n\r\n");
        assertThat(huge).startsWith("HTTP/1.1 431").contains("application/json");
    }

    @Test
    void bodiesOverTheLimitAre413AndRolesAndTokensAreChecked() throws Exception {
        HttpApi api = api(HttpOptions.defaults());
        api.start();
        HttpResponse<String> big =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(api.uri().resolve("/v1/slow"))
                                        .header("Authorization", "Bearer " + TOKEN)
                                        .POST(
                                                HttpRequest.BodyPublishers.ofByteArray(
                                                        new byte[(1 << 20) + 10]))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(Json.MAPPER.readTree(big.body()).path("error").path("code").asText())
                .isEqualTo("body_too_large");
        ApiCallException wrongToken =
                org.assertj.core.api.Assertions.catchThrowableOfType(
                        ApiCallException.class,
                        () -> new ApiClient(api.uri(), "w".repeat(32)).call(PING, null));
        assertThat(wrongToken.status()).isEqualTo(401);
    }

    @Test
    void stoppingLetsARequestInFlightFinishAndRefusesNewConnections() throws Exception {
        HttpApi api = api(HttpOptions.defaults());
        api.start();
        URI uri = api.uri();
        CompletableFuture<String> inFlight =
                CompletableFuture.supplyAsync(() -> new ApiClient(uri, TOKEN).call(SLOW, null));
        assertThat(slowStarted.await(30, TimeUnit.SECONDS)).isTrue();
        api.close();
        assertThat(inFlight.get(30, TimeUnit.SECONDS)).contains("done");
        await(
                () -> {
                    try (Socket s = new Socket("127.0.0.1", uri.getPort())) {
                        return false;
                    } catch (java.io.IOException refused) {
                        return true;
                    }
                });
    }

    @Test
    void mountedPagesAreServedBesideTheApiWhichKeepsItsTokens() throws Exception {
        HttpApi api = api(HttpOptions.defaults());
        api.mount(
                cfg ->
                        cfg.routes.get(
                                "/",
                                ctx -> ctx.contentType("text/html").result("<h1>Flotilla</h1>")));
        api.start();
        HttpResponse<String> page =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(api.uri().resolve("/")).build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Flotilla</h1>");
        HttpResponse<String> apiCall =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(api.uri().resolve("/v1/ping")).build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(apiCall.statusCode()).isEqualTo(401);
    }

    private static String raw(HttpApi api, String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", api.uri().getPort())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192];
            int n;
            try {
                while ((n = in.read(buf)) >= 0) {
                    answer.write(buf, 0, n);
                }
            } catch (java.net.SocketException reset) {
                // the server may reset after answering a request it refused
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            sleep(50);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
