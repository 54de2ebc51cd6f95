package io.flotilla.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CoreHasNoAdapterImportsTest {

    private static final List<String> ADAPTER_PACKAGES =
            List.of(
                    "java.sql",
                    "javax.sql",
                    "org.flywaydb",
                    "org.postgresql",
                    "com.fasterxml",
                    "java.net.http",
                    "com.sun.net.httpserver",
                    "org.apache.flink",
                    "io.flotilla.sidecar",
                    "software.amazon",
                    "io.micrometer");

    @Test
    void coreImportsNoJdbcHttpFlinkOrSidecarClass() throws Exception {
        Path main = Path.of("src/main/java/io/flotilla/supervisor");
        try (Stream<Path> files = Files.walk(main)) {
            List<Path> core =
                    files.filter(p -> p.toString().endsWith(".java"))
                            .filter(p -> !main.relativize(p).startsWith("jdbc"))
                            .filter(p -> !main.relativize(p).startsWith("sidecar"))
                            .filter(p -> !main.relativize(p).startsWith("http"))
                            .filter(p -> !main.relativize(p).startsWith("app"))
                            .toList();
            assertThat(core).isNotEmpty();
            for (Path file : core) {
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("import ")) {
                        assertThat(ADAPTER_PACKAGES)
                                .as("%s: %s", file, line)
                                .noneMatch(
                                        pkg ->
                                                line.startsWith("import " + pkg + ".")
                                                        || line.startsWith(
                                                                "import static " + pkg + "."));
                    }
                }
            }
        }
    }
}
