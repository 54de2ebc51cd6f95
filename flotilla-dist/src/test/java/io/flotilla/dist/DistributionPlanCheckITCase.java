package io.flotilla.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed supervisor's release gate: its {@code lib/} alone (no build, no Table API) finds
 * the DSL's plan comparison and tells a release that loses state from one that does not.
 */
class DistributionPlanCheckITCase {

    private static final String ORDERS =
            "CREATE TABLE orders (name STRING, cost DOUBLE) WITH ('connector' = 'datagen')";
    private static final String COUNTS =
            "CREATE TABLE counts (k STRING, cnt BIGINT) WITH ('connector' = 'blackhole')";

    @TempDir Path temp;

    @Test
    void theTarballsLibComparesCompiledPlansAsTheReleaseGateDoes() throws Exception {
        Path home = Tarballs.unpack(Tarballs.built(), temp.resolve("install"));
        String byName = plan("INSERT INTO counts SELECT name, COUNT(*) FROM orders GROUP BY name");
        String byNameAgain =
                plan(
                        "INSERT INTO counts SELECT UPPER(name), cnt FROM (SELECT name, COUNT(*) AS cnt"
                                + " FROM orders GROUP BY name)");
        String byCost =
                plan(
                        "INSERT INTO counts SELECT CAST(cost AS STRING), COUNT(*) FROM orders"
                                + " GROUP BY CAST(cost AS STRING)");

        // Only the platform's own classes beside lib/, as bin/flotilla-supervisor runs it.
        try (URLClassLoader lib =
                new URLClassLoader(
                        jars(home.resolve("lib")), ClassLoader.getPlatformClassLoader())) {
            Class<?> api = lib.loadClass("io.flotilla.common.PlanCompatibility");
            Object comparison = ServiceLoader.load(api, lib).findFirst().orElse(null);
            assertThat(comparison)
                    .as("a PlanCompatibility in the tarball's lib/ (flotilla-dsl's jar)")
                    .isNotNull();
            Method losses = api.getMethod("losses", String.class, String.class);
            assertThat((List<?>) losses.invoke(comparison, byName, byNameAgain))
                    .as("the same aggregate under a new projection")
                    .isEmpty();
            assertThat((List<?>) losses.invoke(comparison, byName, byCost))
                    .as("other group keys: the aggregate's state is lost")
                    .isNotEmpty();
        }
    }

    private static String plan(String insert) {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql(ORDERS);
        env.executeSql(COUNTS);
        return env.compilePlanSql(insert).asJsonString();
    }

    private static URL[] jars(Path lib) throws Exception {
        try (Stream<Path> files = Files.list(lib)) {
            List<Path> jars = files.filter(p -> p.toString().endsWith(".jar")).toList();
            URL[] urls = new URL[jars.size()];
            for (int i = 0; i < urls.length; i++) {
                urls[i] = jars.get(i).toUri().toURL();
            }
            return urls;
        }
    }
}
