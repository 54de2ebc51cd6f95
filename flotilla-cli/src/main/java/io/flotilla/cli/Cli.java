package io.flotilla.cli;

import io.flotilla.cli.config.CliSettings;
import io.flotilla.cli.config.ConfigFile;
import io.flotilla.cli.config.Connection;
import io.flotilla.cli.output.Output;
import io.flotilla.common.Setting;
import io.flotilla.common.Settings;
import io.flotilla.http.ApiClient;
import io.flotilla.http.HttpTransport;
import io.flotilla.supervisor.api.SupervisorClient;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every command shares: the global settings (flags, then environment, then defaults), the
 * output, and the supervisor, resolved only when a command needs it.
 */
public final class Cli {

    /** System property naming the repository root, set by bin/flotilla. */
    public static final String ROOT_PROPERTY = "flotilla.root";

    /** System property naming the runner jar, set by bin/flotilla. */
    public static final String RUNNER_JAR_PROPERTY = "flotilla.runner.jar";

    private final Map<String, String> env;
    private final Map<String, String> properties;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> flags = new LinkedHashMap<>();
    private Settings settings;
    private Output output;
    private Connection connection;
    private SupervisorClient supervisor;

    public Cli(
            Map<String, String> env,
            Map<String, String> properties,
            PrintStream out,
            PrintStream err) {
        this.env = env;
        this.properties = properties;
        this.out = out;
        this.err = err;
    }

    /** Records a global flag given on the command line. */
    void flag(String name, String value) {
        flags.put(name, value);
        settings = null;
        output = null;
    }

    public Map<String, String> env() {
        return env;
    }

    public String property(String name) {
        return properties.get(name);
    }

    public <T> T get(Setting<T> setting) {
        if (settings == null) {
            List<String> args = new ArrayList<>();
            flags.forEach(
                    (k, v) -> {
                        args.add("--" + k);
                        args.add(v);
                    });
            try {
                settings = Settings.parse(CliSettings.ALL, CliSettings.ENV_PREFIX, args, env);
            } catch (IllegalArgumentException e) {
                throw CliFailure.badInput(e.getMessage());
            }
        }
        return settings.get(setting);
    }

    public Output output() {
        if (output == null) {
            output = new Output(Output.format(get(CliSettings.OUTPUT)), out, err);
        }
        return output;
    }

    public ConfigFile configFile() {
        return ConfigFile.of(get(CliSettings.CONFIG), env);
    }

    public Connection connection() {
        if (connection == null) {
            connection =
                    Connection.resolve(
                            get(CliSettings.URL),
                            get(CliSettings.TOKEN_FILE),
                            get(CliSettings.HOME),
                            configFile(),
                            env);
        }
        return connection;
    }

    public SupervisorClient supervisor() {
        if (supervisor == null) {
            Connection c = connection();
            supervisor = supervisorAt(c.url(), c.token());
        }
        return supervisor;
    }

    /**
     * A client of the supervisor at {@code url} over HttpURLConnection: a command makes a few calls
     * and exits, and java.net.http's client costs more to start than a page of deployments does.
     */
    public static SupervisorClient supervisorAt(URI url, String token) {
        return new SupervisorClient(new ApiClient(url, token, HttpTransport.urlConnection(null)));
    }

    /** The supervisor's URL the commands talk to, or null when none resolved. */
    URI supervisorUrl() {
        return supervisor == null ? null : supervisor.api().base();
    }

    /** The repository root bin/flotilla runs from, for the commands that run the local tools. */
    public Path root() {
        String root = property(ROOT_PROPERTY);
        if (root == null) {
            throw CliFailure.badInput(
                    "this command runs the repository's tools: start it with bin/flotilla");
        }
        return Path.of(root);
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }
}
