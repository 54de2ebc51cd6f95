package io.flotilla.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flotilla.cli.Cli;
import io.flotilla.cli.FlotillaCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension with one real platform of one cluster for a test class, its supervisor written
 * to the run folder's platform.json, and the CLI run in this JVM as a user of that folder runs it;
 * both stopped after the class.
 */
final class CliPlatform implements BeforeAllCallback, AfterAllCallback {

    static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final String waitTimeout;
    private final String[] platformArgs;
    private final Map<String, String> env = new HashMap<>();
    private Path home;
    private LocalPlatform platform;
    private LocalSupervisor supervisor;

    /** What one CLI run printed and returned. */
    record Result(int code, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    /**
     * @param name the run folder's name under {@code target/it/}
     * @param waitTimeout how long the CLI follows a change ({@code FLOTILLA_WAIT_TIMEOUT})
     * @param platformArgs more arguments of the platform, such as {@code --kafka true}
     */
    CliPlatform(String name, String waitTimeout, String... platformArgs) {
        this.name = name;
        this.waitTimeout = waitTimeout;
        this.platformArgs = platformArgs;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        home = TestingPlatforms.freshHome(name);
        platform = TestingPlatforms.start(home, 1, platformArgs);
        supervisor = LocalSupervisor.start(platform);
        PlatformDescriptor.write(platform, supervisor);
        env.put("HOME", home.resolve("user").toString());
        env.put("FLOTILLA_HOME", home.toString());
        env.put("FLOTILLA_WAIT_TIMEOUT", waitTimeout);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (supervisor != null) {
            supervisor.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    Path home() {
        return home;
    }

    LocalPlatform platform() {
        return platform;
    }

    LocalSupervisor supervisor() {
        return supervisor;
    }

    /** Runs the CLI against the platform's supervisor, printing what it printed. */
    Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code =
                FlotillaCli.run(
                        args,
                        new Cli(
                                env,
                                Map.of(),
                                new PrintStream(out, true, StandardCharsets.UTF_8),
                                new PrintStream(err, true, StandardCharsets.UTF_8)));
        Result r =
                new Result(
                        code,
                        out.toString(StandardCharsets.UTF_8),
                        err.toString(StandardCharsets.UTF_8));
        System.out.println(
                "$ flotilla "
                        + String.join(" ", args)
                        + "\n"
                        + r.out()
                        + r.err()
                        + "(exit "
                        + code
                        + ")");
        return r;
    }
}
