package io.flotilla.local.demo;

import io.flotilla.http.ApiCallException;
import io.flotilla.local.Artifacts;
import io.flotilla.local.LocalPlatform;
import io.flotilla.local.LocalSupervisor;
import io.flotilla.local.Progress;
import io.flotilla.local.process.FlinkCluster;
import io.flotilla.local.process.PlatformException;
import io.flotilla.local.process.S3Store;
import io.flotilla.supervisor.api.DeploymentRequest;
import io.flotilla.supervisor.api.DeploymentView;
import io.flotilla.supervisor.api.Phase;
import io.flotilla.supervisor.api.SupervisorClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The demo: the example orders job published to the artifact bucket and deployed through the
 * supervisor's API on the first cluster, running and checkpointing to S3; with Kafka, also the DSL
 * form of the job from the runner jar on the last cluster ({@link KafkaDemo}).
 */
public final class Demo {

    public static final String EXAMPLE_JAR_PROPERTY = "flotilla.example.jar";
    public static final String ENTRY_CLASS = "io.flotilla.examples.orders.OrdersJob";
    static final String DEPLOYMENT = "orders";

    private final LocalPlatform platform;
    private final LocalSupervisor supervisor;
    private final Progress progress;

    public Demo(LocalPlatform platform, LocalSupervisor supervisor, Progress progress) {
        this.platform = platform;
        this.supervisor = supervisor;
        this.progress = progress;
    }

    public void run() {
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
        SupervisorClient api = supervisor.client();
        create(api, deployment(artifact, cluster.name()));
        progress.step(
                "deployment '"
                        + DEPLOYMENT
                        + "' created through the supervisor API on "
                        + cluster.name());
        DeploymentView d = until(api, DEPLOYMENT, "RUNNING", x -> x.phase() == Phase.RUNNING);
        String jobId = d.status().jobId();
        progress.step("job " + jobId + " is RUNNING on " + cluster.name());
        d =
                until(
                        api,
                        DEPLOYMENT,
                        "a completed checkpoint",
                        x -> x.status().lastCheckpoint() != null);
        progress.step("first checkpoint completed: " + d.status().lastCheckpoint());
        String auth = "-H \"Authorization: Bearer $(cat " + supervisor.tokenFile() + ")\" ";
        System.out.println();
        System.out.println(
                "  job page     " + cluster.restUrl() + "/#/job/running/" + jobId + "/overview");
        System.out.println(
                "  job output   "
                        + platform.home().resolve("logs/" + cluster.name() + "-taskmanager.out"));
        System.out.println(
                "  deployment   curl " + auth + supervisor.uri() + "/v1/deployments/" + DEPLOYMENT);
        System.out.println("  audit log    curl " + auth + supervisor.uri() + "/v1/events");
        System.out.println();
        System.out.println(
                "  web UI       " + supervisor.uiUri() + "jobs/" + DEPLOYMENT + "  (the job page)");
        System.out.println(
                "  log in with  the admin token in "
                        + supervisor.tokenFile()
                        + " (read-only: "
                        + supervisor.viewerTokenFile()
                        + ")");

        Path runner = KafkaDemo.runnerJar();
        if (platform.kafka().isPresent() && runner != null) {
            System.out.println();
            FlinkCluster last = platform.clusters().get(platform.clusters().size() - 1);
            new KafkaDemo(platform, platform.kafka().get().bootstrap(), progress)
                    .run(api, runner, last);
        }
    }

    static DeploymentRequest deployment(Artifacts.Published artifact, String cluster) {
        return DeploymentRequest.create(
                DEPLOYMENT,
                "team-orders",
                "examples/orders",
                "1",
                artifact.uri(),
                artifact.sha256(),
                ENTRY_CLASS,
                List.of(),
                cluster);
    }

    /** Creates a deployment, failing with the supervisor's reason when it refuses. */
    static void create(SupervisorClient api, DeploymentRequest spec) {
        try {
            api.create(spec);
        } catch (ApiCallException e) {
            throw new PlatformException(
                    "the supervisor refused the demo deployment " + spec.name() + ": " + e, e);
        }
    }

    /** Polls the deployment until {@code condition} holds, for at most two minutes. */
    static DeploymentView until(
            SupervisorClient api,
            String deployment,
            String what,
            Predicate<DeploymentView> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        DeploymentView last = null;
        while (System.nanoTime() < deadline) {
            last = api.deployment(deployment);
            if (condition.test(last)) {
                return last;
            }
            S3Store.sleep(500);
        }
        throw new PlatformException(
                "deployment '"
                        + deployment
                        + "' did not reach "
                        + what
                        + " within 120 s: "
                        + (last == null ? "no answer" : last.status()));
    }
}
