package io.flotilla.local;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Packs class path entries (class folders and jars) into one job jar, merging service files, until
 * the runner module builds the real one.
 */
final class TestingJobJars {

    private TestingJobJars() {}

    /** A jar at {@code target} with every test class path entry whose path contains a fragment. */
    static Path pack(Path target, List<String> fragments) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        List<String> used = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String normalized = entry.replace('\\', '/');
            if (normalized.contains("test-classes")
                    || fragments.stream().noneMatch(normalized::contains)) {
                continue;
            }
            used.add(entry);
            Path path = Path.of(entry);
            try {
                if (Files.isDirectory(path)) {
                    try (Stream<Path> files = Files.walk(path)) {
                        for (Path f : files.filter(Files::isRegularFile).toList()) {
                            add(
                                    entries,
                                    path.relativize(f).toString().replace('\\', '/'),
                                    Files.readAllBytes(f));
                        }
                    }
                } else if (entry.endsWith(".jar")) {
                    try (JarFile jar = new JarFile(path.toFile())) {
                        for (JarEntry e : jar.stream().filter(e -> !e.isDirectory()).toList()) {
                            try (InputStream in = jar.getInputStream(e)) {
                                add(entries, e.getName(), in.readAllBytes());
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (used.size() < fragments.size()) {
            throw new IllegalStateException(
                    "class path lacks some of " + fragments + ": found " + used);
        }
        try (OutputStream file = Files.newOutputStream(target);
                JarOutputStream jar = new JarOutputStream(file)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue());
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    private static void add(Map<String, byte[]> entries, String name, byte[] bytes) {
        String upper = name.toUpperCase();
        if (upper.equals("META-INF/MANIFEST.MF")
                || upper.endsWith(".SF")
                || upper.endsWith(".RSA")
                || upper.endsWith(".DSA")
                || upper.startsWith("META-INF/VERSIONS/")) {
            return;
        }
        if (name.startsWith("META-INF/services/") && entries.containsKey(name)) {
            ByteArrayOutputStream merged = new ByteArrayOutputStream();
            merged.writeBytes(entries.get(name));
            merged.write('\n');
            merged.writeBytes(bytes);
            entries.put(name, merged.toByteArray());
            return;
        }
        entries.putIfAbsent(name, bytes);
    }
}
