package io.flotilla.sidecar.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadedJarsTest {

    @TempDir Path uploadDir;

    private Path upload(String jarId, String content) throws Exception {
        Path dir = uploadDir.resolve("flink-web-upload");
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve(jarId), content);
    }

    private static String sha256(String content) throws Exception {
        return HexFormat.of()
                .formatHex(
                        MessageDigest.getInstance("SHA-256")
                                .digest(content.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aJarNamedForAChecksumIsReusedOnlyWhenItHasIt() throws Exception {
        String sha = sha256("the real job");
        String forged = "1111_" + sha + ".jar";
        String real = "2222_" + sha + ".jar";
        upload(forged, "someone else's job");
        UploadedJars jars = new UploadedJars(uploadDir);

        assertThat(jars.verified(List.of(forged), sha)).isEmpty();
        upload(real, "the real job");
        assertThat(jars.verified(List.of(forged, real), sha)).contains(real);
    }

    @Test
    void withoutTheUploadFolderNoJarIsReused() throws Exception {
        String sha = sha256("the real job");
        upload("1_" + sha + ".jar", "the real job");
        assertThat(new UploadedJars(null).verified(List.of("1_" + sha + ".jar"), sha)).isEmpty();
        assertThat(
                        new UploadedJars(uploadDir.resolve("missing"))
                                .verified(List.of("1_" + sha + ".jar"), sha))
                .isEmpty();
        assertThat(new UploadedJars(uploadDir).verified(List.of("../x", "2_" + sha + ".jar"), sha))
                .isEmpty();
    }
}
