package io.flotilla.local.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Flotilla service (sidecar or supervisor) in its own JVM, started the way an operator's {@code
 * bin/flotilla-*} script starts it: settings from a {@code KEY=VALUE} config file, secrets from the
 * environment, options on the command line, a log file of its own. Tied to the launcher by {@link
 * ParentWatchdog}, like the Flink JVMs.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration READY = Duration.ofSeconds(180);

    private final ChildProcess process;
    private final URI uri;
    private final Path config;

    private ServiceProcess(ChildProcess process, URI uri, Path config) {
        this.process = process;
        this.uri = uri;
        this.config = config;
    }

    /**
     * Writes {@code config} (non-secret settings) to {@code configFile}, starts {@code mainClass}
     * with it and {@code secrets} as its environment and {@code args} as options, logging to {@code
     * logDir}, and waits until {@code /health} answers on {@code port}.
     */
    public static ServiceProcess start(
            String name,
            String mainClass,
            Distribution dist,
            RunFolder run,
            Path configFile,
            Map<String, String> config,
            Map<String, String> secrets,
            List<String> args,
            Path logDir,
            int port,
            String token) {
        writeConfig(configFile, name, config);
        Map<String, String> env = new LinkedHashMap<>(readConfig(configFile));
        env.putAll(secrets);
        List<String> jvm =
                new ArrayList<>(
                        List.of(
                                "-Xms32m",
                                "-Xmx256m",
                                "-XX:+UseSerialGC",
                                "-XX:TieredStopAtLevel=1",
                                run.watchdogReapFlag(),
                                "-Dflotilla.log.file=" + logDir.resolve(name + ".log")));
        ChildProcess child =
                ChildProcess.startJvm(
                        name,
                        jvm,
                        dist.serviceClasspath(),
                        mainClass,
                        args,
                        env,
                        logDir.resolve(name + ".out"));
        ServiceProcess service =
                new ServiceProcess(child, URI.create("http://127.0.0.1:" + port), configFile);
        try {
            service.awaitHealthy(token);
        } catch (RuntimeException e) {
            service.kill();
            throw e;
        }
        return service;
    }

    private void awaitHealthy(String token) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health =
                HttpRequest.newBuilder(uri.resolve("/health"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + token)
                        .build();
        long deadline = System.nanoTime() + READY.toNanos();
        while (System.nanoTime() < deadline) {
            process.checkAlive();
            if (Ports.listening(uri.getPort())) {
                try {
                    if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode()
                            == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // listening, not serving yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new PlatformException("interrupted while starting " + name(), e);
                }
            }
            S3Store.sleep(200);
        }
        throw new PlatformException(
                name()
                        + " did not answer /health within "
                        + READY.toSeconds()
                        + " s; see "
                        + process.log()
                        + "\n"
                        + ChildProcess.tail(process.log(), 15));
    }

    /** A config file as {@code bin/flotilla-*} reads it: comments, then one setting a line. */
    private static void writeConfig(Path file, String name, Map<String, String> config) {
        StringBuilder text =
                new StringBuilder(
                        "# "
                                + name
                                + ": written by flotilla-local at each start; secrets come from"
                                + " the environment.\n");
        config.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(
                    file,
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new PlatformException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads {@code KEY=VALUE} lines as the distribution's scripts do, skipping comments. */
    static Map<String, String> readConfig(Path file) {
        Map<String, String> env = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                int eq = l.indexOf('=');
                if (eq <= 0) {
                    throw new PlatformException(file + ": expected KEY=VALUE, got '" + l + "'");
                }
                env.put(l.substring(0, eq), l.substring(eq + 1));
            }
        } catch (IOException e) {
            throw new PlatformException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return env;
    }

    String name() {
        return process.name();
    }

    URI uri() {
        return uri;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return process.log().resolveSibling(name() + ".log");
    }

    Path config() {
        return config;
    }

    boolean alive() {
        return process.alive();
    }

    /** SIGKILL: the process dies at once, without its shutdown hook, as in a crash. */
    void kill() {
        process.kill();
    }

    /** SIGTERM, as a service manager stops it; SIGKILL after the grace period. */
    @Override
    public void close() {
        process.stop(Duration.ofSeconds(20));
    }
}
