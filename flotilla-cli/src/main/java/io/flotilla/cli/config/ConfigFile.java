package io.flotilla.cli.config;

import io.flotilla.cli.CliFailure;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The file {@code flotilla login} writes: the supervisor URL and the path of the token file, never
 * the token itself; owner-only, like the token file it names.
 */
public record ConfigFile(Path path) {

    /** What the file holds. */
    public record Login(String url, String tokenFile) {}

    /** The file named by {@code --config}, else {@code $XDG_CONFIG_HOME/flotilla/config}. */
    public static ConfigFile of(String configured, Map<String, String> env) {
        if (configured != null && !configured.isEmpty()) {
            return new ConfigFile(Path.of(configured));
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base =
                xdg != null && !xdg.isEmpty()
                        ? Path.of(xdg)
                        : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")))
                                .resolve(".config");
        return new ConfigFile(base.resolve("flotilla").resolve("config"));
    }

    public Optional<Login> read() {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(path)) {
            p.load(in);
        } catch (IOException e) {
            throw CliFailure.badInput(
                    "cannot read the config file " + path + ": " + e.getMessage());
        }
        String url = p.getProperty("url", "");
        return url.isEmpty()
                ? Optional.empty()
                : Optional.of(new Login(url, p.getProperty("token-file", "")));
    }

    public void write(Login login) {
        try {
            Path dir = path.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = dir.resolve(path.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(
                    tmp,
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
            Properties p = new Properties();
            p.setProperty("url", login.url());
            p.setProperty("token-file", login.tokenFile());
            try (Writer out = Files.newBufferedWriter(tmp)) {
                p.store(out, "written by 'flotilla login'; holds no secret, only the token's file");
            }
            Files.move(
                    tmp,
                    path,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw CliFailure.badInput(
                    "cannot write the config file " + path + ": " + e.getMessage());
        }
    }
}
