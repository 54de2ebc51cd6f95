package io.flotilla.local;

import io.flotilla.sidecar.client.SidecarClient;
import io.flotilla.sidecar.jobs.JobApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.JobID;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The demo: the example orders job published to the artifact bucket and submitted through the first
 * cluster's sidecar, running and checkpointing to S3.
 */
final class Demo {

    static final String EXAMPLE_JAR_PROPERTY = "flotilla.example.jar";
    static final String ENTRY_CLASS = "io.flotilla.examples.orders.OrdersJob";

    private final LocalPlatform platform;
    private final Progress progress;

    Demo(LocalPlatform platform, Progress progress) {
        this.platform = platform;
        this.progress = progress;
    }

    void run() {
        String configured = System.getProperty(EXAMPLE_JAR_PROPERTY, "");
        Path jar = Path.of(configured);
        if (configured.isEmpty() || !Files.isRegularFile(jar)) {
            throw new PlatformException(
                    "example job jar not found at '"
                            + configured
                            + "': build it with 'mvn -B -DskipTests package'");
        }
        FlinkCluster cluster = platform.clusters().get(0);
        Artifacts.Published artifact;
        try (S3Client s3 = platform.s3().client()) {
            artifact = Artifacts.publish(s3, jar, "examples/orders");
        }
        progress.step("published " + artifact.uri());
        SidecarClient sidecar =
                new SidecarClient(platform.sidecar(cluster.name()).uri(), platform.sidecarToken());
        String jobId = JobID.generate().toHexString();
        sidecar.submit(
                new JobApi.SubmitRequest(
                        new JobApi.ArtifactRef(artifact.uri(), artifact.sha256()),
                        ENTRY_CLASS,
                        List.of(),
                        1,
                        jobId,
                        null,
                        null));
        progress.step(
                "submitted 'orders' as job "
                        + jobId
                        + " through the "
                        + cluster.name()
                        + " sidecar");
        JobApi.JobView job =
                SidecarWaits.until(
                        sidecar,
                        jobId,
                        Duration.ofSeconds(120),
                        "RUNNING",
                        j -> j.status().equals("RUNNING"));
        progress.step("job " + jobId + " is " + job.status() + " on " + cluster.name());
        job =
                SidecarWaits.until(
                        sidecar,
                        jobId,
                        Duration.ofSeconds(120),
                        "a completed checkpoint",
                        j -> j.completedCheckpoints() != null && j.completedCheckpoints() > 0);
        progress.step("first checkpoint completed: " + job.lastCheckpointPath());
        System.out.println();
        System.out.println(
                "  job page     " + cluster.restUrl() + "/#/job/running/" + jobId + "/overview");
        System.out.println(
                "  job output   "
                        + platform.home().resolve("logs/" + cluster.name() + "-taskmanager.out"));
        System.out.println(
                "  sidecar      curl -H \"Authorization: Bearer $(cat "
                        + platform.home().resolve(SidecarToken.FILE)
                        + ")\" "
                        + platform.sidecar(cluster.name()).uri()
                        + "/v1/jobs");
    }
}
