package io.flotilla.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The images start the distribution's scripts as a non-root user on the port the manifests use. */
class DockerfilesTest {

    private static final Path ROOT = Manifests.repository();

    @ParameterizedTest
    @CsvSource({"supervisor, SUPERVISOR, 8080", "sidecar, SIDECAR, 8090"})
    void imageRunsTheDistributionScriptAsNonRoot(String process, String prefix, int port)
            throws IOException {
        List<String> lines =
                Files.readAllLines(ROOT.resolve("deploy/docker/" + process + ".Dockerfile"))
                        .stream()
                        .map(String::strip)
                        .filter(l -> !l.startsWith("#"))
                        .toList();
        assertThat(lines).contains("FROM eclipse-temurin:17-jre");
        assertThat(lines).anyMatch(l -> l.startsWith("ADD flotilla-dist/target/flotilla-"));
        assertThat(lines).contains("USER 10001:10001");
        assertThat(lines).contains("EXPOSE " + port);
        assertThat(lines).anyMatch(l -> l.equals("FLOTILLA_" + prefix + "_PORT=" + port));
        String script = "bin/flotilla-" + process;
        assertThat(lines).contains("ENTRYPOINT [\"/opt/flotilla/" + script + "\"]");
        assertThat(ROOT.resolve("flotilla-dist/src/main/dist/" + script)).isRegularFile();
        assertThat(
                        Files.readString(
                                ROOT.resolve("flotilla-dist/src/main/dist/bin/flotilla-common.sh")))
                .as("exec, so the JVM gets SIGTERM")
                .contains("exec \"$java\"");
    }
}
