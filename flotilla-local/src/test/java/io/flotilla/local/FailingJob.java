package io.flotilla.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * A job that fails at run time in its first record, with no restarts, for {@link LogsITCase}: its
 * exception history has a root cause whose message this test knows.
 */
public final class FailingJob {

    static final String MESSAGE = "deliberate failure of the LogsITCase job at order";

    private FailingJob() {}

    /** Throws on every value: a task failure the JobManager records. */
    public static final class Boom extends ScalarFunction {
        public Integer eval(Integer id) {
            throw new IllegalStateException(MESSAGE + " " + id);
        }
    }

    public static void main(String[] args) {
        Configuration conf = new Configuration();
        conf.setString("pipeline.name", "failing-job");
        conf.setString("restart-strategy.type", "none");
        TableEnvironment env =
                TableEnvironment.create(
                        EnvironmentSettings.newInstance()
                                .inStreamingMode()
                                .withConfiguration(conf)
                                .build());
        env.createTemporarySystemFunction("boom", Boom.class);
        env.executeSql(
                "CREATE TEMPORARY TABLE orders (id INT) WITH ("
                        + " 'connector' = 'datagen', 'rows-per-second' = '1')");
        env.executeSql("CREATE TEMPORARY TABLE sink (id INT) WITH ('connector' = 'blackhole')");
        env.executeSql("INSERT INTO sink SELECT boom(id) FROM orders");
    }

    /** The job's jar, built from this class as compiled for the tests. */
    static Path jar(Path dir) {
        try {
            Files.createDirectories(dir);
            Path jar = dir.resolve("failing-job.jar");
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            try (OutputStream file = Files.newOutputStream(jar);
                    JarOutputStream out = new JarOutputStream(file, manifest)) {
                UpgradeJobJar.copy(
                        UpgradeJobJar.location(FailingJob.class),
                        "io/flotilla/local/FailingJob",
                        out);
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
