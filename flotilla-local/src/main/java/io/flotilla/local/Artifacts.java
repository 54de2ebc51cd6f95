package io.flotilla.local;

import io.flotilla.local.process.PlatformException;
import io.flotilla.local.process.S3Store;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Publishes job jars to the artifact bucket, where sidecars trust them. */
public final class Artifacts {

    /** A published jar: its trusted URI and sha256. */
    public record Published(String uri, String sha256) {}

    private Artifacts() {}

    /** Uploads {@code jar} to {@code s3://flotilla-artifacts/<folder>/<sha256>.jar}. */
    public static Published publish(S3Client s3, Path jar, String folder) {
        String sha256 = sha256(jar);
        String key = folder + "/" + sha256 + ".jar";
        s3.putObject(b -> b.bucket(S3Store.ARTIFACTS_BUCKET).key(key), RequestBody.fromFile(jar));
        return new Published("s3://" + S3Store.ARTIFACTS_BUCKET + "/" + key, sha256);
    }

    public static String sha256(Path file) {
        try (InputStream in =
                new DigestInputStream(
                        Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new PlatformException("cannot hash " + file + ": " + e.getMessage(), e);
        }
    }
}
