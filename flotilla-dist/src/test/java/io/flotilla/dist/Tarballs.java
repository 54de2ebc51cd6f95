package io.flotilla.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The tarball this module's package phase built, and unpacking it as an operator would. */
final class Tarballs {

    private Tarballs() {}

    /** {@code target/flotilla-VERSION.tar.gz}. */
    static Path built() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("flotilla-.*\\.tar\\.gz"))
                    .findFirst()
                    .orElseThrow(
                            () ->
                                    new AssertionError(
                                            "no target/flotilla-*.tar.gz: run mvn package first"));
        }
    }

    /** Unpacks {@code tarball} with {@code tar} into {@code into}; returns its top folder. */
    static Path unpack(Path tarball, Path into) throws Exception {
        Files.createDirectories(into);
        Process tar =
                new ProcessBuilder(
                                "tar",
                                "xzf",
                                tarball.toAbsolutePath().toString(),
                                "-C",
                                into.toString())
                        .inheritIO()
                        .start();
        assertThat(tar.waitFor()).isZero();
        try (Stream<Path> dirs = Files.list(into)) {
            return dirs.findFirst().orElseThrow();
        }
    }
}
