package io.flotilla.local;

import io.flotilla.dsl.upgrade.StableIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Builds the jar of {@link UpgradeJob} with the flotilla-dsl upgrade classes it runs on. */
final class UpgradeJobJar {

    private static final String JOB_PREFIX = "io/flotilla/local/UpgradeJob";
    private static final String DSL_PREFIX = "io/flotilla/dsl/upgrade/";

    private UpgradeJobJar() {}

    static Path build(Path dir) {
        try {
            Files.createDirectories(dir);
            Path jar = dir.resolve("upgrade-job.jar");
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            try (OutputStream file = Files.newOutputStream(jar);
                    JarOutputStream out = new JarOutputStream(file, manifest)) {
                copy(location(UpgradeJob.class), JOB_PREFIX, out);
                copy(location(StableIdentity.class), DSL_PREFIX, out);
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the class files under {@code prefix} from a class folder or a jar. */
    static void copy(Path from, String prefix, JarOutputStream out) throws IOException {
        if (Files.isDirectory(from)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(from)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                String name = from.relativize(file).toString().replace('\\', '/');
                if (name.startsWith(prefix)) {
                    out.putNextEntry(new JarEntry(name));
                    Files.copy(file, out);
                    out.closeEntry();
                }
            }
            return;
        }
        try (JarFile jar = new JarFile(from.toFile())) {
            for (JarEntry entry :
                    jar.stream().sorted((a, b) -> a.getName().compareTo(b.getName())).toList()) {
                if (entry.getName().startsWith(prefix) && !entry.isDirectory()) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream in = jar.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
    }
}
