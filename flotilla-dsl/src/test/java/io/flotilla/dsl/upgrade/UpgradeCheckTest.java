package io.flotilla.dsl.upgrade;

import static io.flotilla.dsl.upgrade.StateCompatibilityTest.COUNTS;
import static io.flotilla.dsl.upgrade.StateCompatibilityTest.COUNT_PER_NAME;
import static io.flotilla.dsl.upgrade.TestingJobs.plan;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line check's exit codes and output. */
class UpgradeCheckTest {

    @TempDir Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return UpgradeCheck.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void exitsZeroWhenAllStateIsKeptAndOneWithTheWarningsWhenNot() throws Exception {
        Path v1 = Files.writeString(dir.resolve("v1.json"), plan(COUNTS, COUNT_PER_NAME));
        Path v2 =
                Files.writeString(
                        dir.resolve("v2.json"),
                        plan(COUNTS, COUNT_PER_NAME.replace("COUNT(*)", "COUNT(DISTINCT cost)")));
        assertThat(run(v1.toString(), v1.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("compatible");
        assertThat(run(v1.toString(), v2.toString())).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains(
                        "warning: GroupAggregate over keys [name]: aggregate functions changed"
                                + " from [COUNT()] to [COUNT(DISTINCT cost DOUBLE)]");
    }

    @Test
    void exitsTwoNamingTheMissingFile() {
        assertThat(run("nowhere.json", "nowhere.json")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("plan file nowhere.json does not exist");
        assertThat(run("one.json")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: UpgradeCheck");
    }
}
