package io.flotilla.local.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the built platform lives: flotilla-local's {@code target/} folder, holding the runtime
 * classpath file, the Flink plugin folder and the s3proxy jar, all written by Maven.
 */
public record Distribution(Path target) {

    public static final String PROPERTY = "flotilla.local.target";
    static final String KAFKA_CLASSPATH_PROPERTY = "flotilla.kafka.classpath";
    static final String FLINK_NEXT_PROPERTY = "flotilla.flink-next.target";
    private static final java.util.regex.Pattern RUNTIME_JAR =
            java.util.regex.Pattern.compile("flink-runtime-(\\d+\\.\\d+\\.\\d+)\\.jar");

    /** Finds the build from {@code -Dflotilla.local.target}, else {@code flotilla-local/target}. */
    public static Distribution locate() {
        String configured = System.getProperty(PROPERTY);
        Path target =
                configured != null
                        ? Path.of(configured)
                        : Files.isDirectory(Path.of("flotilla-local", "target"))
                                ? Path.of("flotilla-local", "target")
                                // a sibling module's tests run from their own folder
                                : Path.of("..", "flotilla-local", "target");
        Distribution dist = new Distribution(target.toAbsolutePath().normalize());
        if (!Files.isRegularFile(dist.target.resolve("runtime.classpath"))) {
            throw new PlatformException(
                    "the platform is not built ("
                            + dist.target.resolve("runtime.classpath")
                            + " is missing): run 'mvn -B -DskipTests package' first");
        }
        return dist;
    }

    /** The classpath of the Flink JVMs: the platform's classes plus its runtime dependencies. */
    public String classpath() {
        try {
            String deps = Files.readString(target.resolve("runtime.classpath")).trim();
            return target.resolve("classes") + java.io.File.pathSeparator + deps;
        } catch (IOException e) {
            throw new PlatformException("cannot read the runtime classpath: " + e.getMessage(), e);
        }
    }

    /**
     * The classpath of the sidecar and supervisor JVMs: the platform's, plus the DSL's own jar when
     * built, whose plan comparison the supervisor's release gate finds with ServiceLoader (its
     * Flink classes are already here; its connectors are not wanted on the Flink JVMs' classpath).
     */
    public String serviceClasspath() {
        Path dsl = target.resolveSibling("../flotilla-dsl/target").normalize();
        try (var jars = Files.list(dsl)) {
            String found =
                    jars.map(Path::toString)
                            .filter(n -> n.matches(".*/flotilla-dsl-[^/]*\\.jar"))
                            .filter(n -> !n.endsWith("-sources.jar") && !n.endsWith("-tests.jar"))
                            .findFirst()
                            .orElse(null);
            return found == null ? classpath() : classpath() + java.io.File.pathSeparator + found;
        } catch (IOException e) {
            return classpath();
        }
    }

    public Path flinkPlugins() {
        return target.resolve("flink-plugins");
    }

    /** The Flink release of the platform's own classpath: clusters run it unless told otherwise. */
    public static String baseFlinkVersion() {
        return org.apache.flink.runtime.util.EnvironmentInformation.getVersion();
    }

    /**
     * The Flink release {@code version} as local clusters run it: the base one from the platform's
     * classpath, or the newest one that flotilla-local-flink-next resolved.
     *
     * @throws PlatformException naming the versions this build has, for any other
     */
    public FlinkRuntime flink(String version) {
        String base = baseFlinkVersion();
        if (version == null || version.isBlank() || version.equals(base)) {
            return new FlinkRuntime(base, classpath(), flinkPlugins());
        }
        Path next = nextTarget();
        Path file = next.resolve("flink.classpath");
        String deps;
        try {
            deps = Files.isRegularFile(file) ? Files.readString(file).trim() : "";
        } catch (IOException e) {
            throw new PlatformException("cannot read " + file + ": " + e.getMessage(), e);
        }
        java.util.regex.Matcher m = RUNTIME_JAR.matcher(deps);
        String nextVersion = m.find() ? m.group(1) : null;
        if (!version.equals(nextVersion)) {
            throw new PlatformException(
                    "Flink "
                            + version
                            + " is not in this build: local clusters run "
                            + base
                            + (nextVersion == null
                                    ? " (build flotilla-local-flink-next for the newest 2.x)"
                                    : " or " + nextVersion)
                            + "; set --flink-versions to those");
        }
        // Only ParentWatchdog is loaded from the platform's classes: it needs nothing but the JDK.
        return new FlinkRuntime(
                version,
                target.resolve("classes") + java.io.File.pathSeparator + deps,
                next.resolve("flink-plugins"));
    }

    private Path nextTarget() {
        String configured = System.getProperty(FLINK_NEXT_PROPERTY);
        return configured != null
                ? Path.of(configured)
                : target.resolveSibling("../flotilla-local-flink-next/target").normalize();
    }

    /**
     * The Kafka broker's own classpath, resolved by the flotilla-kafka-broker module: from {@code
     * -Dflotilla.kafka.classpath}, else beside this build.
     */
    public String kafkaClasspath() {
        String configured = System.getProperty(KAFKA_CLASSPATH_PROPERTY);
        Path file =
                configured != null
                        ? Path.of(configured)
                        : target.resolveSibling(
                                        "../flotilla-kafka-broker/target/kafka-broker.classpath")
                                .normalize();
        if (!Files.isRegularFile(file)) {
            throw new PlatformException(
                    "the Kafka broker's classpath "
                            + file
                            + " is missing: run 'mvn -B -DskipTests package', or start without"
                            + " Kafka with --kafka false");
        }
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new PlatformException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public Path s3proxyJar() {
        return target.resolve("s3proxy").resolve("s3proxy.jar");
    }
}
