package io.flotilla.bench.dsl;

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
 * Packs the benchmark's job jar from its own class path: the DSL, the orders example and what they
 * need beyond the session cluster's class path, plus this package's classes (the hand-written job),
 * merging service files. Both jobs run from the same jar, so neither loads more classes.
 */
public final class JobJars {

    /** Class path entries the DSL job needs on a session cluster (as flotilla-local's DSL test). */
    public static final List<String> DSL_ENTRIES =
            List.of(
                    "flotilla-dsl",
                    "flotilla-common",
                    "flotilla-example-orders",
                    "jackson-dataformat-yaml",
                    "snakeyaml");

    private static final String OWN_PACKAGE =
            JobJars.class.getPackageName().replace('.', '/') + "/";

    private JobJars() {}

    /** Writes the jar to {@code target} and returns it. */
    public static Path pack(Path target) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        List<String> used = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String normalized = entry.replace('\\', '/');
            Path path = Path.of(entry);
            boolean own = Files.isDirectory(path) && Files.isRegularFile(ownClass(path));
            if (!own && DSL_ENTRIES.stream().noneMatch(normalized::contains)) {
                continue;
            }
            used.add(entry);
            try {
                if (Files.isDirectory(path)) {
                    try (Stream<Path> files = Files.walk(path)) {
                        for (Path f : files.filter(Files::isRegularFile).toList()) {
                            String name = path.relativize(f).toString().replace('\\', '/');
                            if (!own || name.startsWith(OWN_PACKAGE)) {
                                add(entries, name, Files.readAllBytes(f));
                            }
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
        if (used.size() < DSL_ENTRIES.size() + 1) {
            throw new IllegalStateException(
                    "the class path lacks some of "
                            + DSL_ENTRIES
                            + " or the bench's own classes: found "
                            + used
                            + "; run through bench/dsl-throughput.sh");
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

    private static Path ownClass(Path dir) {
        return dir.resolve(JobJars.class.getName().replace('.', '/') + ".class");
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
