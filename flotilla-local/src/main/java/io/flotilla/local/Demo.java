package io.flotilla.local;

import io.flotilla.sidecar.flink.FlinkRest;
import io.flotilla.sidecar.flink.JarRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.JobID;

/** The demo: the example orders job on the first cluster, running and checkpointing to S3. */
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
        try (FlinkRest rest = FlinkRest.connect(cluster.restUrl(), Duration.ofSeconds(30))) {
            String jarId = rest.uploadJar(jar);
            progress.step("uploaded " + jar.getFileName() + " to " + cluster.name());
            JobID jobId = JobID.generate();
            rest.runJar(jarId, new JarRun(ENTRY_CLASS, List.of(), 1, jobId, null, null));
            JobWaits waits = new JobWaits(rest);
            waits.running(jobId, Duration.ofSeconds(90));
            progress.step("example job 'orders' " + jobId + " is RUNNING on " + cluster.name());
            var checkpoint = waits.checkpointAfter(jobId, 0, Duration.ofSeconds(120));
            progress.step("first checkpoint completed: " + checkpoint.getExternalPath());
            System.out.println();
            System.out.println(
                    "  job page     "
                            + cluster.restUrl()
                            + "/#/job/running/"
                            + jobId
                            + "/overview");
            System.out.println(
                    "  job output   "
                            + platform.home()
                                    .resolve("logs/" + cluster.name() + "-taskmanager.out"));
        }
    }
}
