package io.flotilla.sidecar.artifacts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Checks the jars a JobManager already has against the sha256 their names claim. A name is only a
 * name: anyone who can upload to the JobManager can call a jar {@code <sha256>.jar}. So a jar found
 * by its name is hashed again, from the JobManager's upload folder ({@code web.upload.dir}), and
 * reused only when it matches; without that folder, none is.
 */
public final class UploadedJars {

    private final Path uploadDir;

    /**
     * @param uploadDir the JobManager's {@code web.upload.dir}, or null when this sidecar cannot
     *     read it
     */
    public UploadedJars(Path uploadDir) {
        this.uploadDir = uploadDir;
    }

    /** The first of {@code jarIds} whose file has {@code sha256}; empty when none can be shown. */
    public Optional<String> verified(List<String> jarIds, String sha256) {
        if (uploadDir == null || !Files.isDirectory(uploadDir)) {
            return Optional.empty();
        }
        for (String jarId : jarIds) {
            Optional<Path> file = find(jarId);
            if (file.isPresent() && sha256.equals(sha256(file.get()))) {
                return Optional.of(jarId);
            }
        }
        return Optional.empty();
    }

    // Flink keeps uploads in <web.upload.dir>/flink-web-upload/<jarId>; a few levels are searched.
    private Optional<Path> find(String jarId) {
        if (jarId.contains("/") || jarId.contains("\\") || jarId.startsWith(".")) {
            return Optional.empty();
        }
        try (Stream<Path> files =
                Files.find(
                        uploadDir,
                        4,
                        (p, a) -> a.isRegularFile() && p.getFileName().toString().equals(jarId))) {
            return files.findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                digest.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            return null; // unreadable: not shown to match
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
