package io.flotilla.bench.sim;

import io.flotilla.local.Artifacts;
import io.flotilla.local.LocalPlatform;
import io.flotilla.local.LocalSettings;
import io.flotilla.local.Progress;
import io.flotilla.sidecar.client.SidecarClient;
import io.flotilla.sidecar.jobs.JobApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The sidecar contract against the real sidecar on the real platform: beside a cluster of the base
 * Flink release and, in {@link OnTheNewestFlink}, beside one of the newest release local clusters
 * run.
 */
class RealSidecarContractITCase extends SidecarContract {

    static LocalPlatform platform;
    static Artifacts.Published artifact;

    @BeforeAll
    static void start() throws Exception {
        Path home = Path.of("target/it/sidecar-contract");
        if (Files.exists(home)) {
            try (var files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        platform =
                LocalPlatform.start(
                        LocalSettings.parse(
                                List.of(
                                        "--home",
                                        home.toString(),
                                        "--clusters",
                                        "2",
                                        "--flink-versions",
                                        io.flotilla.local.process.Distribution.baseFlinkVersion()
                                                + ","
                                                + System.getProperty(
                                                        "flotilla.flink-next.version", "2.3.0"),
                                        "--slots",
                                        "4",
                                        "--kafka",
                                        "false"),
                                Map.of()),
                        new Progress(System.out));
        try (S3Client s3 = platform.s3().client()) {
            artifact =
                    Artifacts.publish(
                            s3,
                            Path.of(System.getProperty("flotilla.example.jar")),
                            "examples/orders");
        }
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Override
    SidecarClient sidecar() {
        return new SidecarClient(platform.sidecar("cluster-1").uri(), platform.sidecarToken());
    }

    @Override
    JobApi.ArtifactRef artifact() {
        return new JobApi.ArtifactRef(artifact.uri(), artifact.sha256());
    }

    /** The same contract beside cluster-2, which runs the newest Flink release. */
    @Nested
    class OnTheNewestFlink extends SidecarContract {

        @Override
        SidecarClient sidecar() {
            return new SidecarClient(platform.sidecar("cluster-2").uri(), platform.sidecarToken());
        }

        @Override
        JobApi.ArtifactRef artifact() {
            return RealSidecarContractITCase.this.artifact();
        }
    }
}
