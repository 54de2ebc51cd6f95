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
import software.amazon.awssdk.services.s3.S3Client;

/** The sidecar contract against the real sidecar on the real platform. */
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
                                        "1",
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
        return new SidecarClient(platform.sidecars().get(0).uri(), platform.sidecarToken());
    }

    @Override
    JobApi.ArtifactRef artifact() {
        return new JobApi.ArtifactRef(artifact.uri(), artifact.sha256());
    }
}
