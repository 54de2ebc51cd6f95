package io.flotilla.local.cli;

import io.flotilla.http.ApiCallException;
import io.flotilla.http.ApiUnreachableException;
import io.flotilla.local.Artifacts;
import io.flotilla.local.PlatformDescriptor;
import io.flotilla.local.Progress;
import io.flotilla.local.process.PlatformException;
import io.flotilla.local.process.S3Store;
import io.flotilla.supervisor.api.DeploymentView;
import io.flotilla.supervisor.api.ReleaseRequest;
import io.flotilla.supervisor.api.ReleaseStatus;
import io.flotilla.supervisor.api.ReleaseView;
import io.flotilla.supervisor.api.StatusView;
import io.flotilla.supervisor.api.SupervisorClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code bin/flotilla release <deployment> --jar J --version V}: the seed's release steps on the
 * running local platform: publish the jar with its sha256, ask the supervisor for the new version,
 * and follow it (savepoint, new job from it, checkpoint) until it is done or rolled back.
 */
public final class ReleaseCommand {

    private static final Duration LIMIT = Duration.ofMinutes(10);

    private final PlatformDescriptor platform;
    private final String secretKey;
    private final Progress progress;

    public ReleaseCommand(PlatformDescriptor platform, String secretKey, Progress progress) {
        this.platform = platform;
        this.secretKey = secretKey;
        this.progress = progress;
    }

    /** The parsed command line of a release. */
    public record Args(String deployment, Path jar, String version, String upgradeMode) {

        public static Args parse(List<String> argv) {
            if (argv.isEmpty() || argv.get(0).startsWith("--")) {
                throw new IllegalArgumentException(
                        "release: name the deployment first: bin/flotilla release <deployment>"
                                + " --jar <path> --version <version> [--upgrade-mode SAVEPOINT|"
                                + "LAST_STATE|STATELESS] [--home DIR]");
            }
            Map<String, String> options = new LinkedHashMap<>();
            for (int i = 1; i < argv.size(); i += 2) {
                String key = argv.get(i);
                if (!List.of("--jar", "--version", "--upgrade-mode", "--home").contains(key)) {
                    throw new IllegalArgumentException(
                            "release: unknown option '"
                                    + key
                                    + "': use --jar, --version, --upgrade-mode or --home");
                }
                if (i + 1 >= argv.size()) {
                    throw new IllegalArgumentException("release: " + key + " needs a value");
                }
                options.put(key, argv.get(i + 1));
            }
            String jar = options.get("--jar");
            String version = options.get("--version");
            if (jar == null || version == null) {
                throw new IllegalArgumentException(
                        "release: --jar and --version are required, e.g. --jar"
                                + " examples/orders/target/flotilla-example-orders-0.1.0-SNAPSHOT.jar"
                                + " --version 2");
            }
            Path path = Path.of(jar);
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException(
                        "release: --jar " + jar + " is not a file: build it first (mvn package)");
            }
            return new Args(argv.get(0), path, version, options.get("--upgrade-mode"));
        }
    }

    /** Runs the release; 0 when the new version runs, 1 when it was rolled back. */
    public int run(Args args) {
        PlatformDescriptor.Supervisor sup = platform.supervisor();
        if (sup == null) {
            throw new PlatformException("the running platform has no supervisor");
        }
        SupervisorClient api = new SupervisorClient(URI.create(sup.url()), token(sup));
        DeploymentView before = check(() -> api.deployment(args.deployment()));
        String module = before.spec().module() == null ? "jobs" : before.spec().module();

        Artifacts.Published artifact;
        try (S3Client s3 =
                S3Store.client(URI.create(platform.s3().endpoint()), accessKey(), secretKey)) {
            artifact = Artifacts.publish(s3, args.jar(), module);
        }
        progress.step("published " + args.jar().getFileName() + " as " + artifact.uri());

        ReleaseRequest body =
                new ReleaseRequest(
                        args.version(),
                        artifact.uri(),
                        artifact.sha256(),
                        args.upgradeMode(),
                        before.generation());
        Instant requested = Instant.now().minusSeconds(1);
        check(() -> api.release(args.deployment(), body));
        progress.step(
                "release of "
                        + args.deployment()
                        + " from version "
                        + before.spec().version()
                        + " to "
                        + args.version()
                        + " requested");
        return follow(api, args.deployment(), requested);
    }

    private int follow(SupervisorClient api, String deployment, Instant requested) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            DeploymentView d = check(() -> api.deployment(deployment));
            StatusView status = d.status();
            String now =
                    d.phase()
                            + " job "
                            + (status.jobId() == null ? "-" : status.jobId())
                            + (status.release() != null
                                    ? " (release in progress, savepoint "
                                            + (status.release().savepoint() == null
                                                    ? "-"
                                                    : status.release().savepoint())
                                            + ")"
                                    : "");
            if (!now.equals(last)) {
                progress.step(now);
                last = now;
            }
            for (ReleaseView r : check(() -> api.releases(deployment)).releases()) {
                ReleaseStatus kind = r.status();
                if ((kind == ReleaseStatus.DONE || kind == ReleaseStatus.ROLLED_BACK)
                        && r.at() != null
                        && r.at().isAfter(requested)) {
                    progress.step(kind + ": " + r.reason());
                    return kind == ReleaseStatus.DONE ? 0 : 1;
                }
            }
            S3Store.sleep(500);
        }
        throw new PlatformException(
                "the release of "
                        + deployment
                        + " did not end within "
                        + LIMIT.toMinutes()
                        + " minutes; follow it with bin/flotilla status");
    }

    private String accessKey() {
        return platform.s3().accessKey();
    }

    private static String token(PlatformDescriptor.Supervisor sup) {
        try {
            return Files.readString(Path.of(sup.tokenFile())).strip();
        } catch (IOException e) {
            throw new PlatformException(
                    "cannot read the supervisor token " + sup.tokenFile() + ": " + e.getMessage(),
                    e);
        }
    }

    private static <T> T check(Supplier<T> call) {
        try {
            return call.get();
        } catch (ApiCallException e) {
            throw new PlatformException(
                    "supervisor refused (" + e.status() + " " + e.code() + "): " + e.getMessage(),
                    e);
        } catch (ApiUnreachableException e) {
            throw new PlatformException(e.getMessage(), e);
        }
    }
}
