package io.flotilla.cli.command;

import io.flotilla.cli.ApiErrors;
import io.flotilla.cli.Cli;
import io.flotilla.cli.CliFailure;
import io.flotilla.cli.config.CliSettings;
import io.flotilla.cli.config.ConfigFile;
import io.flotilla.cli.config.Connection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code flotilla login --url U --token-file F}: checks the supervisor accepts the token, then
 * remembers the URL and the token's file (never the token) in the owner-only config file.
 */
@Command(
        name = "login",
        mixinStandardHelpOptions = true,
        description =
                "Remember a supervisor (--url URL --token-file FILE): its URL and the file holding your token (the token itself"
                        + " is never copied or printed).")
public final class LoginCommand implements Callable<Integer> {

    private final Cli cli;

    public LoginCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        String url = cli.get(CliSettings.URL);
        String file = cli.get(CliSettings.TOKEN_FILE);
        if (url.isEmpty() || file.isEmpty()) {
            throw CliFailure.badInput(
                    "login needs --url URL and --token-file FILE (the file holding your token)");
        }
        Path tokenFile = Path.of(file);
        if (!Files.isRegularFile(tokenFile)) {
            throw CliFailure.badInput("--token-file " + tokenFile + " is not a file");
        }
        Path absolute = tokenFile.toAbsolutePath();
        Connection c =
                Connection.resolve(
                        url,
                        absolute.toString(),
                        cli.get(CliSettings.HOME),
                        cli.configFile(),
                        cli.env());
        int clusters;
        try {
            clusters = Cli.supervisorAt(c.url(), c.token()).clusters().clusters().size();
        } catch (RuntimeException e) {
            CliFailure f = ApiErrors.translate(e, c::url);
            throw f == null ? e : f;
        }
        ConfigFile config = cli.configFile();
        config.write(new ConfigFile.Login(c.url().toString(), absolute.toString()));
        cli.output()
                .either(
                        "logged in to "
                                + c.url()
                                + " ("
                                + clusters
                                + " clusters); token file "
                                + absolute
                                + " remembered in "
                                + config.path()
                                + "\n",
                        Map.of(
                                "url",
                                c.url().toString(),
                                "tokenFile",
                                absolute.toString(),
                                "config",
                                config.path().toString(),
                                "clusters",
                                clusters));
        return 0;
    }
}
