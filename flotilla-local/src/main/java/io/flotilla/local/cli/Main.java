package io.flotilla.local.cli;

import io.flotilla.local.LocalPlatform;
import io.flotilla.local.LocalSettings;
import io.flotilla.local.LocalSupervisor;
import io.flotilla.local.PlatformDescriptor;
import io.flotilla.local.Progress;
import io.flotilla.local.demo.Demo;
import io.flotilla.local.process.FlinkCluster;
import io.flotilla.local.process.PlatformException;
import io.flotilla.local.process.RunFolder;
import io.flotilla.local.process.SupervisorProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** {@code bin/flotilla start|demo|stop|status|settings}: the local platform's command line. */
public final class Main {

    private Main() {}

    public static void main(String[] argv) {
        int code;
        try {
            code = run(argv);
        } catch (PlatformException
                | IllegalArgumentException
                | io.flotilla.sidecar.flink.FlinkRestException e) {
            System.err.println("flotilla: " + e.getMessage());
            code = 2;
        } catch (RuntimeException e) {
            System.err.println(
                    "flotilla: failed: "
                            + e.getMessage()
                            + " (the run folder's logs/ has the details)");
            code = 1;
        }
        System.exit(code);
    }

    static int run(String[] argv) {
        if (argv.length == 0 || List.of("help", "--help", "-h").contains(argv[0])) {
            usage();
            return argv.length == 0 ? 2 : 0;
        }
        List<String> rest = Arrays.asList(argv).subList(1, argv.length);
        if (argv[0].equals("release")) {
            return release(rest);
        }
        LocalSettings settings = LocalSettings.parse(rest, System.getenv());
        Path home = Path.of(settings.get(LocalSettings.HOME));
        return switch (argv[0]) {
            case "start" -> startAndWait(settings, false);
            case "demo" -> startAndWait(settings, true);
            case "stop" -> stop(home);
            case "status" -> status(home);
            case "settings" -> {
                System.out.print(LocalSettings.markdownTable());
                yield 0;
            }
            default ->
                    throw new IllegalArgumentException(
                            "unknown command '"
                                    + argv[0]
                                    + "': use start, demo, stop, status, release or settings");
        };
    }

    private static int startAndWait(LocalSettings settings, boolean demo) {
        // Before the first logger exists: the launcher's and sidecars' log goes to the run folder.
        System.setProperty(
                "flotilla.log.file",
                Path.of(settings.get(LocalSettings.HOME))
                        .toAbsolutePath()
                        .resolve("logs/launcher.log")
                        .toString());
        Progress progress = new Progress(System.out);
        LocalPlatform platform = LocalPlatform.start(settings, progress);
        LocalSupervisor supervisor;
        try {
            supervisor =
                    LocalSupervisor.start(
                            platform, List.of(), settings.get(LocalSettings.HA) ? 2 : 1);
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
        PlatformDescriptor.write(platform, supervisor);
        for (SupervisorProcess p : supervisor.processes()) {
            progress.step(p.name() + " at " + p.uri() + " (pid " + p.pid() + ")");
        }
        progress.step(
                "supervisor at "
                        + supervisor.uri()
                        + " with "
                        + platform.clusters().size()
                        + " clusters registered");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    System.out.println("\nflotilla: stopping the platform ...");
                                    supervisor.close();
                                    platform.close();
                                    System.out.println("flotilla: stopped, nothing left running");
                                    stopped.countDown();
                                },
                                "flotilla-shutdown"));
        printEndpoints(platform, supervisor);
        if (demo) {
            new Demo(platform, supervisor, progress).run();
        }
        System.out.println("\nPress Ctrl-C to stop everything (or run 'bin/flotilla stop').");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static void printEndpoints(LocalPlatform platform, LocalSupervisor supervisor) {
        System.out.println();
        for (FlinkCluster c : platform.clusters()) {
            System.out.printf("  %-12s Flink UI   %s%n", c.name(), c.restUrl());
        }
        System.out.printf(
                "  %-12s endpoint   %s  (access key %s)%n",
                "S3", platform.s3().endpoint(), platform.s3().accessKey());
        System.out.printf(
                "  %-12s JDBC       %s  (user %s)%n",
                "PostgreSQL", platform.database().jdbcUrl(), platform.database().user());
        platform.kafka()
                .ifPresent(
                        k ->
                                System.out.printf(
                                        "  %-12s bootstrap  %s  (topics %s)%n",
                                        "Kafka", k.bootstrap(), String.join(", ", k.topics())));
        System.out.printf(
                "  %-12s API        %s  (admin token in %s)%n",
                "supervisor", supervisor.uri(), supervisor.tokenFile());
        System.out.printf(
                "  %-12s web UI     %s  (log in with that token; read-only: %s)%n",
                "", supervisor.uiUri(), supervisor.viewerTokenFile());
        System.out.printf(
                "  %-12s           %s%n",
                "platform.json", platform.home().resolve(RunFolder.DESCRIPTOR));
        System.out.printf("  %-12s           %s%n", "logs", platform.home().resolve("logs"));
    }

    private static int release(List<String> argv) {
        ReleaseCommand.Args args = ReleaseCommand.Args.parse(argv);
        int at = argv.indexOf("--home");
        List<String> homeArgs = at > 0 ? argv.subList(at, at + 2) : List.of();
        LocalSettings settings = LocalSettings.parse(homeArgs, System.getenv());
        Path home = Path.of(settings.get(LocalSettings.HOME));
        PlatformDescriptor platform =
                PlatformDescriptor.read(home)
                        .orElseThrow(
                                () ->
                                        new PlatformException(
                                                "no platform is running in "
                                                        + home.toAbsolutePath()
                                                        + ": start one with 'bin/flotilla demo'"));
        return new ReleaseCommand(
                        platform,
                        settings.get(LocalSettings.S3_SECRET_KEY),
                        new Progress(System.out))
                .run(args);
    }

    private static int stop(Path home) {
        Optional<PlatformDescriptor> running = PlatformDescriptor.read(home);
        if (running.isEmpty()) {
            System.out.println("flotilla: no platform is running in " + home.toAbsolutePath());
            return 0;
        }
        long pid = running.get().pid();
        Optional<ProcessHandle> launcher = ProcessHandle.of(pid);
        if (launcher.isEmpty()) {
            System.out.println("flotilla: the platform's launcher (pid " + pid + ") is gone");
            return 0;
        }
        System.out.println("flotilla: stopping the platform (launcher pid " + pid + ") ...");
        launcher.get().destroy();
        try {
            launcher.get()
                    .onExit()
                    .get(Duration.ofSeconds(90).toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new PlatformException(
                    "the platform (pid "
                            + pid
                            + ") did not stop within 90 s: kill it with 'kill "
                            + pid
                            + "'");
        }
        System.out.println("flotilla: stopped");
        return 0;
    }

    private static int status(Path home) {
        Optional<PlatformDescriptor> running = PlatformDescriptor.read(home);
        if (running.isEmpty()) {
            System.out.println("flotilla: no platform is running in " + home.toAbsolutePath());
            return 1;
        }
        try {
            System.out.println(PlatformDescriptor.JSON.writeValueAsString(running.get()));
        } catch (Exception e) {
            throw new PlatformException("cannot print the platform: " + e.getMessage(), e);
        }
        PlatformDescriptor.Supervisor sup = running.get().supervisor();
        if (sup != null) {
            printDeployments(sup);
        }
        return 0;
    }

    /** One line per deployment, as the supervisor reports it. */
    private static void printDeployments(PlatformDescriptor.Supervisor sup) {
        try {
            String token = java.nio.file.Files.readString(Path.of(sup.tokenFile())).strip();
            var deployments =
                    new io.flotilla.supervisor.api.SupervisorClient(
                                    java.net.URI.create(sup.url()), token)
                            .deployments()
                            .deployments();
            System.out.println("\ndeployments (supervisor " + sup.url() + "):");
            for (var d : deployments) {
                System.out.printf(
                        "  %-20s %-10s %-10s version %-8s job %s%n",
                        d.name(),
                        d.phase(),
                        d.cluster(),
                        d.spec().version(),
                        d.status().jobId() == null ? "-" : d.status().jobId());
            }
        } catch (Exception e) {
            System.out.println("\nsupervisor " + sup.url() + " does not answer: " + e.getMessage());
        }
    }

    private static void usage() {
        System.out.println(
                String.join(
                        "\n",
                        "usage: bin/flotilla <command> [--option value ...]",
                        "",
                        "commands:",
                        "  demo      start the platform, run the example job, stay up until Ctrl-C",
                        "  start     start the platform and stay up until Ctrl-C",
                        "  stop      stop the platform running in the run folder",
                        "  status    print the running platform's platform.json and its deployments",
                        "  release   <deployment> --jar J --version V [--upgrade-mode M]: publish"
                                + " the jar, release it through the supervisor, follow it",
                        "  settings  list every option with its type, default and description",
                        "",
                        "options:",
                        LocalSettings.markdownTable()));
    }
}
