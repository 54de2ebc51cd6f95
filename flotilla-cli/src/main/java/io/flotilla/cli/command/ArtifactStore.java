package io.flotilla.cli.command;

import io.flotilla.cli.Cli;
import io.flotilla.cli.CliFailure;
import io.flotilla.cli.config.CliSettings;
import io.flotilla.cli.config.LocalPlatform;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The artifact store: publishes a jar as {@code s3://<bucket>/<module>/<sha256>.jar}, where the
 * sidecars trust it, and sums the size of state folders. S3 comes from the settings, else from the
 * local platform.
 */
final class ArtifactStore implements AutoCloseable {

    /** A published jar. */
    record Published(String uri, String sha256, long size) {}

    private final S3Client s3;
    private final String bucket;
    private final String endpoint;

    private ArtifactStore(S3Client s3, String bucket, String endpoint) {
        this.s3 = s3;
        this.bucket = bucket;
        this.endpoint = endpoint;
    }

    /** The store the settings name, or the local platform's; empty when there is none. */
    static Optional<ArtifactStore> open(Cli cli) {
        String endpoint = cli.get(CliSettings.S3_ENDPOINT);
        String accessKey = cli.get(CliSettings.S3_ACCESS_KEY);
        if (endpoint.isEmpty()) {
            Optional<LocalPlatform> local =
                    LocalPlatform.read(Path.of(cli.get(CliSettings.HOME)))
                            .filter(p -> p.s3() != null);
            if (local.isEmpty()) {
                return Optional.empty();
            }
            endpoint = local.get().s3().endpoint();
        }
        S3Client s3 =
                S3Client.builder()
                        .endpointOverride(URI.create(endpoint))
                        .region(Region.US_EAST_1)
                        .forcePathStyle(true)
                        // s3proxy rejects the SDK's default streaming checksums on uploads.
                        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create(
                                                accessKey, cli.get(CliSettings.S3_SECRET_KEY))))
                        .build();
        return Optional.of(new ArtifactStore(s3, cli.get(CliSettings.ARTIFACTS_BUCKET), endpoint));
    }

    static ArtifactStore require(Cli cli) {
        return open(cli)
                .orElseThrow(
                        () ->
                                CliFailure.badInput(
                                        "no artifact store: pass --s3-endpoint (and"
                                                + " FLOTILLA_S3_ACCESS_KEY/FLOTILLA_S3_SECRET_KEY),"
                                                + " or run against the local platform"));
    }

    Published publish(Path jar, String module) {
        String sha256 = sha256(jar);
        String key = module + "/" + sha256 + ".jar";
        try {
            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(jar));
            return new Published("s3://" + bucket + "/" + key, sha256, Files.size(jar));
        } catch (SdkException | IOException e) {
            throw CliFailure.unreachable(
                    "cannot publish "
                            + jar.getFileName()
                            + " to s3://"
                            + bucket
                            + " at "
                            + endpoint
                            + ": "
                            + e.getMessage()
                            + ": check --s3-endpoint and the S3 keys");
        }
    }

    static String sha256(Path file) {
        try (InputStream in =
                new DigestInputStream(
                        Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw CliFailure.badInput("cannot read " + file + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
