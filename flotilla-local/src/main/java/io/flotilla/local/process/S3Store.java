package io.flotilla.local.process;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/** The platform's S3: a local s3proxy JVM on loopback, or an external endpoint. */
public final class S3Store implements AutoCloseable {

    public static final String STATE_BUCKET = "flotilla-state";
    public static final String ARTIFACTS_BUCKET = "flotilla-artifacts";
    public static final List<String> BUCKETS = List.of(STATE_BUCKET, ARTIFACTS_BUCKET);

    private final URI endpoint;
    private final String accessKey;
    private final String secretKey;
    private final ChildProcess process;

    private S3Store(URI endpoint, String accessKey, String secretKey, ChildProcess process) {
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.process = process;
    }

    /** Launches s3proxy with a filesystem backend in the run folder; {@link #awaitReady} waits. */
    public static S3Store startLocal(
            Distribution dist, RunFolder run, int wantedPort, String accessKey, String secretKey) {
        int port = Ports.pick(wantedPort, "S3 (s3proxy)", "s3-port");
        Path data = run.resolve("s3");
        Path props = run.resolve("conf/s3proxy.properties");
        try {
            Files.createDirectories(data);
            Files.createDirectories(props.getParent());
            for (String bucket : BUCKETS) {
                Files.createDirectories(data.resolve(bucket));
            }
            // The file holds the secret: readable by the owner only.
            Files.deleteIfExists(props);
            Files.createFile(
                    props,
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
            Files.writeString(
                    props,
                    String.join(
                            "\n",
                            "s3proxy.endpoint=http://127.0.0.1:" + port,
                            "s3proxy.authorization=aws-v2-or-v4",
                            "s3proxy.identity=" + accessKey,
                            "s3proxy.credential=" + secretKey,
                            "s3proxy.ignore-unknown-headers=true",
                            // Not filesystem-nio2, though s3proxy calls this one deprecated: nio2
                            // answers HEAD on a folder's key as a 0-byte object, so s3a sees a
                            // savepoint folder as an empty file and restore fails with EOF.
                            "jclouds.provider=filesystem",
                            "jclouds.filesystem.basedir=" + data,
                            ""));
        } catch (IOException e) {
            throw new PlatformException("cannot prepare S3 data folder " + data + ": " + e, e);
        }
        ChildProcess process =
                ChildProcess.startJvm(
                        "s3proxy",
                        List.of(
                                "-Xmx256m",
                                "-XX:+UseSerialGC",
                                "-XX:TieredStopAtLevel=1",
                                run.watchdogReapFlag()),
                        dist.target().resolve("classes")
                                + java.io.File.pathSeparator
                                + dist.s3proxyJar(),
                        "org.gaul.s3proxy.Main",
                        List.of("--properties", props.toString()),
                        Map.of(),
                        run.logs().resolve("s3proxy.log"));
        return new S3Store(URI.create("http://127.0.0.1:" + port), accessKey, secretKey, process);
    }

    /** Uses an S3 endpoint that something else runs; checks it answers and has the buckets. */
    public static S3Store external(URI endpoint, String accessKey, String secretKey) {
        return new S3Store(endpoint, accessKey, secretKey, null);
    }

    /** Waits until the store answers, then creates the platform's buckets if they are missing. */
    public void awaitReady(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        RuntimeException last = null;
        try (S3Client s3 = client()) {
            while (System.nanoTime() < deadline) {
                if (process != null) {
                    process.checkAlive();
                }
                try {
                    s3.listBuckets();
                    for (String bucket : BUCKETS) {
                        ensureBucket(s3, bucket);
                    }
                    return;
                } catch (RuntimeException e) {
                    last = e;
                    sleep(200);
                }
            }
        }
        throw new PlatformException(
                "S3 at "
                        + endpoint
                        + " did not answer within "
                        + limit.toSeconds()
                        + " s ("
                        + (last == null ? "no answer" : last.getMessage())
                        + "): check the endpoint and keys"
                        + (process == null ? "" : ", or see " + process.log()));
    }

    private static void ensureBucket(S3Client s3, String bucket) {
        try {
            s3.headBucket(HeadBucketRequest.builder().bucket(bucket).build());
        } catch (NoSuchBucketException e) {
            try {
                s3.createBucket(b -> b.bucket(bucket));
            } catch (BucketAlreadyOwnedByYouException ignored) {
                // created meanwhile: fine
            }
        }
    }

    /** A client for this store; the caller closes it. */
    public S3Client client() {
        return client(endpoint, accessKey, secretKey);
    }

    /** A client of the S3 store at {@code endpoint}, as tuned for s3proxy. */
    public static S3Client client(URI endpoint, String accessKey, String secretKey) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                // s3proxy rejects the SDK's default streaming checksums on uploads.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(
                        StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(accessKey, secretKey)))
                .build();
    }

    public URI endpoint() {
        return endpoint;
    }

    public String accessKey() {
        return accessKey;
    }

    String secretKey() {
        return secretKey;
    }

    /** The s3proxy JVM, or null for an external store. */
    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        if (process != null) {
            process.stop(Duration.ofSeconds(10));
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted while waiting");
        }
    }
}
