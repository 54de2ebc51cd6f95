package io.flotilla.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.sidecar.client.SidecarClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The demo: the example orders job published to the artifact bucket and deployed through the
 * supervisor's API on the first cluster, running and checkpointing to S3; with Kafka, also the DSL
 * form of the job from the runner jar on the last cluster ({@link KafkaDemo}).
 */
final class Demo {

    static final String EXAMPLE_JAR_PROPERTY = "flotilla.example.jar";
    static final String ENTRY_CLASS = "io.flotilla.examples.orders.OrdersJob";
    static final String DEPLOYMENT = "orders";

    private final LocalPlatform platform;
    private final LocalSupervisor supervisor;
    private final Progress progress;

    Demo(LocalPlatform platform, LocalSupervisor supervisor, Progress progress) {
        this.platform = platform;
        this.supervisor = supervisor;
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
        SidecarClient api = supervisor.client();
        SidecarClient.Reply created =
                api.post("/v1/deployments", deployment(artifact, cluster.name()));
        if (created.status() != 201) {
            throw new PlatformException(
                    "the supervisor refused the demo deployment: " + created.body());
        }
        progress.step(
                "deployment '"
                        + DEPLOYMENT
                        + "' created through the supervisor API on "
                        + cluster.name());
        JsonNode d =
                until(api, DEPLOYMENT, "RUNNING", x -> x.path("phase").asText().equals("RUNNING"));
        String jobId = d.path("status").path("jobId").asText();
        progress.step("job " + jobId + " is RUNNING on " + cluster.name());
        d =
                until(
                        api,
                        DEPLOYMENT,
                        "a completed checkpoint",
                        x ->
                                !x.path("status").path("lastCheckpoint").isNull()
                                        && !x.path("status")
                                                .path("lastCheckpoint")
                                                .isMissingNode());
        progress.step(
                "first checkpoint completed: " + d.path("status").path("lastCheckpoint").asText());
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

    static Map<String, Object> deployment(Artifacts.Published artifact, String cluster) {
        return Map.of(
                "name",
                DEPLOYMENT,
                "owner",
                "team-orders",
                "module",
                "examples/orders",
                "version",
                "1",
                "artifactUri",
                artifact.uri(),
                "artifactSha256",
                artifact.sha256(),
                "entryClass",
                ENTRY_CLASS,
                "args",
                List.of(),
                "cluster",
                cluster);
    }

    /** Polls the deployment until {@code condition} holds, for at most two minutes. */
    static JsonNode until(
            SidecarClient api, String deployment, String what, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = api.get("/v1/deployments/" + deployment).body();
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
                        + (last == null ? "no answer" : last.path("status")));
    }
}
