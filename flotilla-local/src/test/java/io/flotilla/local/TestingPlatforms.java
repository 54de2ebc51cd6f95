package io.flotilla.local;

import io.flotilla.local.demo.Demo;
import io.flotilla.local.demo.KafkaDemo;
import io.flotilla.local.process.Distribution;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts small real platforms for integration tests. */
final class TestingPlatforms {

    private TestingPlatforms() {}

    /**
     * A platform with {@code clusters} clusters of 2 slots in {@code home}; without Kafka unless
     * {@code extraArgs} ask for it ({@code --kafka true}), so tests that need no broker do not wait
     * for one.
     */
    static LocalPlatform start(Path home, int clusters, String... extraArgs) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--home",
                                home.toString(),
                                "--clusters",
                                String.valueOf(clusters),
                                "--slots",
                                "2"));
        if (!List.of(extraArgs).contains("--kafka")) {
            args.addAll(List.of("--kafka", "false"));
        }
        args.addAll(List.of(extraArgs));
        return LocalPlatform.start(LocalSettings.parse(args, Map.of()), new Progress(System.out));
    }

    /**
     * A new, empty run folder under {@code target/it/}, kept after the test so its logs can be read
     * when it fails.
     */
    static Path freshHome(String name) {
        Path home = Path.of(System.getProperty(Distribution.PROPERTY, "target"), "it", name);
        try {
            if (Files.exists(home)) {
                try (var files = Files.walk(home)) {
                    files.sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
            return Files.createDirectories(home);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Publishes the example jar to the platform's artifact bucket, where sidecars trust it. */
    static Artifacts.Published publishExample(LocalPlatform platform) {
        try (software.amazon.awssdk.services.s3.S3Client s3 = platform.s3().client()) {
            return Artifacts.publish(s3, exampleJar(), "examples/orders");
        }
    }

    /** The runner jar, built by the reactor before this module's tests run. */
    static Path runnerJar() {
        return Path.of(System.getProperty(KafkaDemo.RUNNER_JAR_PROPERTY, "missing"));
    }

    /** The example orders job jar, built by the reactor before this module's tests run. */
    static Path exampleJar() {
        Path jar = Path.of(System.getProperty(Demo.EXAMPLE_JAR_PROPERTY, "missing"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("example jar not built: " + jar);
        }
        return jar;
    }
}
