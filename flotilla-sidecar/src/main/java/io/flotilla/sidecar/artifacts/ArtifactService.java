package io.flotilla.sidecar.artifacts;

import io.flotilla.http.ApiException;
import io.flotilla.sidecar.flink.FlinkRest;
import io.flotilla.sidecar.jobs.JobApi.Artifact;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Brings a job jar from a trusted place to the JobManager: checks the location, downloads within a
 * size limit, verifies the caller's sha256 and that it is a jar, and uploads it once per sha256 (as
 * {@code <sha256>.jar}, so it is found again after a sidecar restart).
 */
public final class ArtifactService {

    private static final Logger LOG = LoggerFactory.getLogger(ArtifactService.class);

    /** A jar on the JobManager. */
    private final ArtifactPolicy policy;

    private final S3Client s3;
    private final HttpClient https;
    private final FlinkRest flink;
    private final Path workDir;
    private final long maxSize;
    private final MeterRegistry metrics;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    // Flink's GET /jars opens every uploaded jar to list its entry classes: too slow to ask on
    // every submit, so known jar ids are remembered, and looked up there only after a miss.
    private final Map<String, String> jarIds = new ConcurrentHashMap<>();

    public ArtifactService(
            ArtifactPolicy policy,
            S3Client s3,
            FlinkRest flink,
            Path workDir,
            long maxSize,
            MeterRegistry metrics) {
        this.policy = policy;
        this.s3 = s3;
        this.flink = flink;
        this.workDir = workDir;
        this.maxSize = maxSize;
        this.metrics = metrics;
        // Redirects could lead outside the trusted hosts: never follow them.
        this.https =
                HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build();
    }

    /** The jar on the JobManager for this artifact, uploading it if it is not there yet. */
    public Artifact ensure(String uri, String sha256) {
        ArtifactLocation location = policy.check(uri);
        ArtifactPolicy.checkSha256(sha256);
        synchronized (locks.computeIfAbsent(sha256, k -> new Object())) {
            Optional<String> existing =
                    Optional.ofNullable(jarIds.get(sha256)).or(() -> findOnJobManager(sha256));
            if (existing.isPresent()) {
                jarIds.put(sha256, existing.get());
                metrics.counter("flotilla.sidecar.artifacts", "result", "reused").increment();
                return new Artifact(sha256, existing.get(), -1, true);
            }
            Path file = download(location, sha256);
            try {
                checkJar(file);
                long size = Files.size(file);
                String jarId = flink.uploadJar(file);
                jarIds.put(sha256, jarId);
                metrics.counter("flotilla.sidecar.artifacts", "result", "uploaded").increment();
                LOG.info("uploaded artifact {} ({} bytes) from {} as {}", sha256, size, uri, jarId);
                return new Artifact(sha256, jarId, size, false);
            } catch (IOException e) {
                throw new ApiException(
                        500, "artifact_io", "cannot read the downloaded jar: " + e.getMessage());
            } finally {
                deleteQuietly(file);
            }
        }
    }

    /** Forgets a jar id the JobManager no longer has (it restarted, or someone deleted the jar). */
    public void forget(String sha256) {
        jarIds.remove(sha256);
    }

    private Optional<String> findOnJobManager(String sha256) {
        String suffix = "_" + sha256 + ".jar";
        return flink.jars().stream().filter(id -> id.endsWith(suffix)).findFirst();
    }

    private Path download(ArtifactLocation location, String sha256) {
        Path target = workDir.resolve(sha256 + ".jar");
        Path partial = workDir.resolve(sha256 + ".jar.part");
        try {
            Files.createDirectories(workDir);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = open(location);
                    OutputStream out = Files.newOutputStream(partial)) {
                byte[] buf = new byte[64 * 1024];
                long total = 0;
                for (int n; (n = in.read(buf)) > 0; ) {
                    total += n;
                    if (total > maxSize) {
                        throw tooLarge(total);
                    }
                    digest.update(buf, 0, n);
                    out.write(buf, 0, n);
                }
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!MessageDigest.isEqual(actual.getBytes(), sha256.getBytes())) {
                metrics.counter("flotilla.sidecar.artifacts", "result", "checksum_mismatch")
                        .increment();
                throw new ApiException(
                        400,
                        "checksum_mismatch",
                        "artifact.sha256 is "
                                + sha256
                                + " but the file at "
                                + location.uri()
                                + " has "
                                + actual
                                + ": rebuild and upload it again, or fix the checksum",
                        "artifact.sha256",
                        null);
            }
            return Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ApiException(
                    502,
                    "artifact_unavailable",
                    "cannot download " + location.uri() + ": " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(partial);
        }
    }

    private InputStream open(ArtifactLocation location) throws IOException {
        if (location.s3()) {
            HeadObjectResponse head;
            try {
                head = s3.headObject(b -> b.bucket(location.bucket()).key(location.key()));
            } catch (S3Exception e) {
                if (e.statusCode() == 404) { // NoSuchKeyException, or a bare 404 on HEAD
                    throw new ApiException(
                            404,
                            "artifact_not_found",
                            "no object at " + location.uri(),
                            "artifact.uri",
                            null);
                }
                throw e;
            }
            if (head.contentLength() != null && head.contentLength() > maxSize) {
                throw tooLarge(head.contentLength());
            }
            return s3.getObject(b -> b.bucket(location.bucket()).key(location.key()));
        }
        try {
            HttpResponse<InputStream> response =
                    https.send(
                            HttpRequest.newBuilder(location.uri())
                                    .timeout(Duration.ofMinutes(2))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new ApiException(
                        502,
                        "artifact_unavailable",
                        location.uri()
                                + " answered "
                                + response.statusCode()
                                + " (redirects are not followed)");
            }
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (length > maxSize) {
                response.body().close();
                throw tooLarge(length);
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private ApiException tooLarge(long size) {
        return new ApiException(
                413,
                "artifact_too_large",
                "the artifact has "
                        + size
                        + " bytes or more, above the limit of "
                        + maxSize
                        + " bytes (--artifact-max-size)",
                "artifact.uri",
                null);
    }

    private static void checkJar(Path file) {
        try (JarFile jar = new JarFile(file.toFile())) {
            boolean hasClass = jar.stream().anyMatch(e -> e.getName().endsWith(".class"));
            if (!hasClass) {
                throw new ApiException(
                        400,
                        "not_a_jar",
                        "the artifact is a zip without any .class file: not a job jar",
                        "artifact.uri",
                        null);
            }
        } catch (IOException e) {
            throw new ApiException(
                    400,
                    "not_a_jar",
                    "the artifact is not a jar (" + e.getMessage() + ")",
                    "artifact.uri",
                    null);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover download is overwritten by the next one
        }
    }
}
