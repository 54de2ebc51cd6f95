package io.flotilla.cli.config;

import io.flotilla.cli.CliFailure;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Which supervisor the CLI talks to and with which token, and where that came from (so an error can
 * say which setting to fix): flags, then the environment, then the login config, then the local
 * platform in the run folder.
 */
public record Connection(URI url, String token, String source, Optional<LocalPlatform> platform) {

    @Override
    public String toString() {
        return url + " (" + source + ")"; // never the token
    }

    /** Resolves the connection; fails with exit code 3 when there is no supervisor or token. */
    public static Connection resolve(
            String url, String tokenFile, String home, ConfigFile config, Map<String, String> env) {
        Path homePath = Path.of(home);
        Optional<LocalPlatform> platform = LocalPlatform.read(homePath);
        if (!url.isEmpty()) {
            String token;
            String source;
            if (!tokenFile.isEmpty()) {
                token = readToken(Path.of(tokenFile), "--token-file / FLOTILLA_TOKEN_FILE");
                source = "token from " + tokenFile;
            } else if (!env.getOrDefault(CliSettings.TOKEN_ENV, "").isEmpty()) {
                token = env.get(CliSettings.TOKEN_ENV).strip();
                source = "token from FLOTILLA_TOKEN";
            } else {
                Optional<ConfigFile.Login> login = config.read().filter(l -> l.url().equals(url));
                if (login.isEmpty() || login.get().tokenFile().isEmpty()) {
                    throw CliFailure.unreachable(
                            "no token for "
                                    + url
                                    + ": pass --token-file FILE, set FLOTILLA_TOKEN, or run"
                                    + " 'flotilla login --url "
                                    + url
                                    + " --token-file FILE'");
                }
                token = readToken(Path.of(login.get().tokenFile()), "the config " + config.path());
                source = "token from " + login.get().tokenFile();
            }
            return new Connection(uri(url, "--url / FLOTILLA_URL"), token, source, platform);
        }
        Optional<ConfigFile.Login> login = config.read();
        if (login.isPresent()) {
            ConfigFile.Login l = login.get();
            String token =
                    !tokenFile.isEmpty()
                            ? readToken(Path.of(tokenFile), "--token-file / FLOTILLA_TOKEN_FILE")
                            : readToken(Path.of(l.tokenFile()), "the config " + config.path());
            return new Connection(
                    uri(l.url(), "the config " + config.path()),
                    token,
                    "login in " + config.path(),
                    platform);
        }
        if (platform.isEmpty() || platform.get().supervisor() == null) {
            throw CliFailure.unreachable(
                    "no supervisor given and no local platform runs in "
                            + homePath.toAbsolutePath()
                            + ": pass --url and --token-file, run 'flotilla login --url URL"
                            + " --token-file FILE', or start one with 'bin/flotilla start'");
        }
        LocalPlatform.Supervisor sup = platform.get().supervisor();
        return new Connection(
                uri(sup.url(), "platform.json"),
                readToken(Path.of(sup.tokenFile()), "the local platform's platform.json"),
                "local platform in " + homePath.toAbsolutePath(),
                platform);
    }

    private static URI uri(String raw, String from) {
        try {
            URI u = URI.create(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
            if (u.getScheme() == null
                    || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
                    || u.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw CliFailure.badInput(
                    "the supervisor URL '"
                            + raw
                            + "' (from "
                            + from
                            + ") is not an http(s) URL: use e.g. https://flotilla.example.com");
        }
    }

    private static String readToken(Path file, String from) {
        try {
            String token = Files.readString(file).strip();
            if (token.isEmpty()) {
                throw CliFailure.unreachable(
                        "the token file " + file + " (from " + from + ") is empty");
            }
            return token;
        } catch (IOException e) {
            throw CliFailure.unreachable(
                    "cannot read the token file "
                            + file
                            + " (from "
                            + from
                            + "): "
                            + e.getClass().getSimpleName()
                            + ": check the path and its permissions");
        }
    }
}
