package io.flotilla.cli.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flotilla.cli.CliFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The part of a running local platform's {@code platform.json} the CLI needs: its supervisor and
 * its S3 store. Read without flotilla-local, which would put Flink on the CLI's classpath.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LocalPlatform(long pid, String home, Supervisor supervisor, S3 s3) {

    /** The supervisor's URL and the file with its admin token. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Supervisor(String url, String tokenFile) {}

    /** The platform's S3 store. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record S3(String endpoint, String accessKey) {}

    /** The platform running in {@code home}, when its launcher is alive. */
    public static Optional<LocalPlatform> read(Path home) {
        Path file = home.resolve("platform.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        LocalPlatform p;
        try {
            p =
                    new ObjectMapper()
                            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                            .readValue(file.toFile(), LocalPlatform.class);
        } catch (IOException e) {
            throw CliFailure.badInput("cannot read " + file + ": " + e.getMessage());
        }
        boolean alive = ProcessHandle.of(p.pid()).map(ProcessHandle::isAlive).orElse(false);
        return alive ? Optional.of(p) : Optional.empty();
    }
}
