package io.flotilla.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A job jar nobody in this repository wrote: the source of a small stateful DataStream job (a count
 * per key in {@code ValueState}) is written here, compiled with javax.tools against the Flink jars
 * on the test class path and packed with a Main-Class manifest, as a user's build would.
 */
final class CounterJobJar {

    static final String MAIN_CLASS = "com.example.counter.KeyCounterJob";

    private CounterJobJar() {}

    /** The job's source; {@code keys} changes the build so a second version is another jar. */
    static String source(int keys) {
        return """
                package com.example.counter;

                import org.apache.flink.api.common.eventtime.WatermarkStrategy;
                import org.apache.flink.api.common.functions.OpenContext;
                import org.apache.flink.api.common.functions.RichMapFunction;
                import org.apache.flink.api.common.state.ValueState;
                import org.apache.flink.api.common.state.ValueStateDescriptor;
                import org.apache.flink.api.common.typeinfo.Types;
                import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
                import org.apache.flink.api.java.functions.KeySelector;
                import org.apache.flink.connector.datagen.source.DataGeneratorSource;
                import org.apache.flink.connector.datagen.source.GeneratorFunction;
                import org.apache.flink.streaming.api.datastream.DataStream;
                import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
                import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

                /** Counts events per key, the count kept in keyed state across restarts. */
                public class KeyCounterJob {

                    static final int KEYS = %d;

                    public static void main(String[] args) throws Exception {
                        StreamExecutionEnvironment env =
                                StreamExecutionEnvironment.getExecutionEnvironment();
                        env.enableCheckpointing(1000);
                        DataGeneratorSource<String> source =
                                new DataGeneratorSource<>(
                                        new Keys(), Long.MAX_VALUE,
                                        RateLimiterStrategy.perSecond(10), Types.STRING);
                        DataStream<String> counts =
                                env.fromSource(source, WatermarkStrategy.noWatermarks(), "keys")
                                        .uid("keys")
                                        .keyBy(new ByKey())
                                        .map(new Count())
                                        .uid("count");
                        counts.sinkTo(new DiscardingSink<>()).uid("discard");
                        env.execute("key-counter");
                    }

                    /** key-0 ... key-(KEYS-1), round robin. */
                    public static class Keys implements GeneratorFunction<Long, String> {
                        @Override
                        public String map(Long i) {
                            return "key-" + (i %% KEYS);
                        }
                    }

                    /** The key is the event. */
                    public static class ByKey implements KeySelector<String, String> {
                        @Override
                        public String getKey(String value) {
                            return value;
                        }
                    }

                    /** key=count, the count in ValueState. */
                    public static class Count extends RichMapFunction<String, String> {
                        private transient ValueState<Long> count;

                        @Override
                        public void open(OpenContext context) {
                            count = getRuntimeContext().getState(
                                    new ValueStateDescriptor<>("count", Types.LONG));
                        }

                        @Override
                        public String map(String key) throws Exception {
                            long next = (count.value() == null ? 0 : count.value()) + 1;
                            count.update(next);
                            return key + "=" + next;
                        }
                    }
                }
                """
                .formatted(keys);
    }

    /** Ways a version of the job can be broken, for rollback tests. */
    enum Variant {
        /** The job as written. */
        SOUND,
        /** Its counting operator has another uid: a savepoint of SOUND's state cannot map. */
        RENAMED_STATE,
        /** Its main method throws before the job is built, so Flink cannot start it. */
        THROWS_AT_START
    }

    /** Writes, compiles and packs the job into {@code dir/key-counter-<keys>.jar}. */
    static Path build(Path dir, int keys) {
        return build(dir, keys, Variant.SOUND);
    }

    /**
     * {@link #build(Path, int)} of a variant, into {@code dir/key-counter-<keys>-<variant>.jar}.
     */
    static Path build(Path dir, int keys, Variant variant) {
        String source =
                switch (variant) {
                    case SOUND -> source(keys);
                    case RENAMED_STATE ->
                            source(keys).replace(".uid(\"count\")", ".uid(\"count-renamed\")");
                    case THROWS_AT_START ->
                            source(keys)
                                    .replace(
                                            "StreamExecutionEnvironment env =",
                                            "if (KEYS > 0) {\n throw new IllegalStateException("
                                                    + "\"deliberate failure at start\");\n }\n"
                                                    + " StreamExecutionEnvironment env =");
                };
        String tag = variant == Variant.SOUND ? "" + keys : keys + "-" + variant.name();
        try {
            Path src = dir.resolve("src-" + tag + "/com/example/counter/KeyCounterJob.java");
            Path classes = dir.resolve("classes-" + tag);
            Files.createDirectories(src.getParent());
            Files.createDirectories(classes);
            Files.writeString(src, source);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            StringWriter errors = new StringWriter();
            boolean ok =
                    javac.getTask(
                                    errors,
                                    null,
                                    null,
                                    List.of(
                                            "--release",
                                            "17",
                                            "-classpath",
                                            System.getProperty("java.class.path"),
                                            "-d",
                                            classes.toString()),
                                    null,
                                    javac.getStandardFileManager(null, null, null)
                                            .getJavaFileObjects(src))
                            .call();
            if (!ok) {
                throw new IllegalStateException("the counter job does not compile: " + errors);
            }
            Path jar = dir.resolve("key-counter-" + tag + ".jar");
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, MAIN_CLASS);
            try (OutputStream file = Files.newOutputStream(jar);
                    JarOutputStream out = new JarOutputStream(file, manifest);
                    Stream<Path> walk = Files.walk(classes)) {
                for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(
                            new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
