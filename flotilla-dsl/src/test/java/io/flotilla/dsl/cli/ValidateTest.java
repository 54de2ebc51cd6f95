package io.flotilla.dsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidateTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int validate(String... args) {
        return Validate.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of());
    }

    @Test
    void validJobExitsZeroAndPrintsItsLineage() {
        assertThat(validate("src/test/resources/jobs/click-stats.yaml")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith(
                        "valid: job 'click-stats-yaml' (src/test/resources/jobs/click-stats.yaml)")
                .contains("\"writes\" : [");
    }

    @Test
    void javaJobByClassNameValidates() {
        assertThat(
                        validate(
                                "--job",
                                "io.flotilla.dsl.job.TestingJobs$ClickStats",
                                "--window-seconds",
                                "5"))
                .isZero();
    }

    @Test
    void invalidJobExitsOneWithWhereAndWhy() {
        assertThat(validate("--job", "src/test/resources/bad/job-unknown-column.yaml"))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("flotilla validate: job 'unknown-column'")
                .contains("job-unknown-column.yaml:5:23");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void planningErrorsExitOne() {
        assertThat(validate("src/test/resources/bad/job-unknown-connector.yaml")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("logbroker");
    }

    @Test
    void tablesFolderOverridesTheCatalog() {
        assertThat(
                        validate(
                                "src/test/resources/jobs/click-stats.yaml",
                                "--tables",
                                "src/test/resources/local-tables"))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"connector\" : \"print\"");
    }

    @Test
    void missingJobExitsTwoWithUsage() {
        assertThat(validate()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: --job");
    }

    @Test
    void unknownJobClassExitsOne() {
        assertThat(validate("io.flotilla.NoSuchJob")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("neither a class on the class path nor a .yaml file");
    }
}
