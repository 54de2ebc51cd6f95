package io.flotilla.sidecar;

import io.flotilla.http.ApiException;
import io.flotilla.http.HttpApi;
import io.flotilla.http.HttpOptions;
import io.flotilla.http.TokenAuth;
import io.flotilla.sidecar.artifacts.ArtifactPolicy;
import io.flotilla.sidecar.artifacts.ArtifactService;
import io.flotilla.sidecar.flink.FlinkLogs;
import io.flotilla.sidecar.flink.FlinkRest;
import io.flotilla.sidecar.flink.FlinkRestException;
import io.flotilla.sidecar.jobs.JobService;
import io.flotilla.sidecar.jobs.Operations;
import io.flotilla.sidecar.logs.LogService;
import io.flotilla.sidecar.state.S3StateStore;
import io.flotilla.sidecar.state.StateService;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** A running sidecar: its services wired from settings, and its HTTP API. */
public final class Sidecar implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sidecar.class);

    private final SidecarSettings settings;
    private final FlinkRest flink;
    private final S3Client s3;
    private final StateService state;
    private final HttpApi api;

    private Sidecar(SidecarSettings settings) {
        this.settings = settings;
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        metrics.config().commonTags("cluster", settings.get(SidecarSettings.CLUSTER));
        this.flink =
                FlinkRest.connect(
                        URI.create(settings.get(SidecarSettings.FLINK_REST_URL)),
                        settings.get(SidecarSettings.FLINK_TIMEOUT));
        this.s3 = s3Client(settings);
        Path workDir = workDir(settings);
        ArtifactService artifacts =
                new ArtifactService(
                        new ArtifactPolicy(
                                settings.get(SidecarSettings.ARTIFACT_S3_PREFIXES),
                                settings.get(SidecarSettings.ARTIFACT_HTTPS_HOSTS)),
                        s3,
                        flink,
                        workDir,
                        settings.get(SidecarSettings.ARTIFACT_MAX_SIZE),
                        metrics);
        JobService jobs =
                new JobService(
                        flink, artifacts, settings.get(SidecarSettings.RESTORE_ROOTS), metrics);
        this.state =
                new StateService(
                        new S3StateStore(s3), jobs::live, settings.stateUri(), Clock.systemUTC());
        Operations operations =
                new Operations(flink, jobs, settings.stateUri(), state::newestSavepoint);
        this.api =
                new HttpApi(
                        "sidecar",
                        new InetSocketAddress(
                                settings.get(SidecarSettings.BIND),
                                settings.get(SidecarSettings.PORT)),
                        new TokenAuth(Map.of("caller", settings.get(SidecarSettings.TOKEN))),
                        metrics,
                        Sidecar::mapError,
                        HttpOptions.from(settings::get));
        SidecarRoutes.register(
                api,
                settings,
                flink,
                jobs,
                operations,
                artifacts,
                state,
                new LogService(new FlinkLogs(flink)),
                metrics);
    }

    /**
     * Starts a sidecar; fails with a clear message when a setting is wrong or the port is taken.
     */
    public static Sidecar start(SidecarSettings settings) {
        Sidecar sidecar = new Sidecar(settings);
        sidecar.api.start();
        LOG.info(
                "sidecar for {} listening on {} (Flink {}, state {})",
                settings.get(SidecarSettings.CLUSTER),
                sidecar.uri(),
                settings.get(SidecarSettings.FLINK_REST_URL),
                settings.stateUri());
        return sidecar;
    }

    public URI uri() {
        return api.uri();
    }

    public String cluster() {
        return settings.get(SidecarSettings.CLUSTER);
    }

    HttpApi api() {
        return api;
    }

    /** Flink and S3 failures the handlers did not translate: the upstream is down or erred. */
    static ApiException mapError(RuntimeException e) {
        if (e instanceof FlinkRestException f) {
            return f.status() == 0
                    ? new ApiException(
                            503,
                            "flink_unreachable",
                            "the JobManager does not answer: " + f.getMessage())
                    : new ApiException(
                            502,
                            "flink_error",
                            "the JobManager refused the call: " + f.getMessage());
        }
        if (e instanceof software.amazon.awssdk.core.exception.SdkException s) {
            return new ApiException(502, "s3_error", "S3 failed: " + s.getMessage());
        }
        return null;
    }

    private static S3Client s3Client(SidecarSettings s) {
        S3ClientBuilder b =
                S3Client.builder()
                        .region(Region.of(s.get(SidecarSettings.S3_REGION)))
                        .forcePathStyle(true);
        if (!s.get(SidecarSettings.S3_ENDPOINT).isBlank()) {
            b.endpointOverride(URI.create(s.get(SidecarSettings.S3_ENDPOINT)));
        }
        if (!s.get(SidecarSettings.S3_ACCESS_KEY).isBlank()) {
            b.credentialsProvider(
                    StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(
                                    s.get(SidecarSettings.S3_ACCESS_KEY),
                                    s.get(SidecarSettings.S3_SECRET_KEY))));
        } else {
            b.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return b.build();
    }

    private static Path workDir(SidecarSettings s) {
        try {
            String configured = s.get(SidecarSettings.WORK_DIR);
            return configured.isBlank()
                    ? Files.createTempDirectory(
                            "flotilla-sidecar-" + s.get(SidecarSettings.CLUSTER))
                    : Files.createDirectories(Path.of(configured));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("--work-dir cannot be created: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        api.close();
        state.close();
        flink.close();
        s3.close();
    }
}
