package io.flotilla.local.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * One supervisor in its own JVM, started from {@code io.flotilla.supervisor.app.SupervisorMain}
 * with a config file under {@code conf/supervisors/} and its log in {@code
 * logs/supervisors/<name>/}.
 */
public final class SupervisorProcess implements AutoCloseable {

    public static final String MAIN = "io.flotilla.supervisor.app.SupervisorMain";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServiceProcess process;
    private final String token;

    public SupervisorProcess(ServiceProcess process, String token) {
        this.process = process;
        this.token = token;
    }

    /** Its name in the lease ({@code --holder}) and in the run folder. */
    public String name() {
        return process.name();
    }

    public URI uri() {
        return process.uri();
    }

    public long pid() {
        return process.pid();
    }

    /** This supervisor's own log file. */
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

    /**
     * Its {@code /health}: leader or standby, last step, last tick; empty if it does not answer.
     */
    public Optional<JsonNode> health() {
        if (!alive()) {
            return Optional.empty();
        }
        try {
            HttpResponse<String> r =
                    HTTP.send(
                            HttpRequest.newBuilder(uri().resolve("/health"))
                                    .timeout(Duration.ofSeconds(5))
                                    .header("Authorization", "Bearer " + token)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? Optional.of(JSON.readTree(r.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Whether its last step held the leader lease. */
    public boolean leading() {
        return health().map(h -> h.path("leader").asBoolean()).orElse(false);
    }

    /** Kills the JVM with SIGKILL: no shutdown hook, the lease is left to expire. */
    public void kill() {
        process.kill();
    }

    /** Stops the JVM with SIGTERM. */
    @Override
    public void close() {
        process.close();
    }
}
