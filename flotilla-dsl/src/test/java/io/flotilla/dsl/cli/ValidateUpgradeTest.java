package io.flotilla.dsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate --save-plan} keeps a version's plan; {@code --previous-plan} checks against it.
 */
class ValidateUpgradeTest {

    private static final String JOB = "io.flotilla.dsl.job.TestingJobs$ClickStats";

    @TempDir Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int validate(String... args) {
        out.reset();
        err.reset();
        return Validate.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of());
    }

    private Path savedV1() {
        Path v1 = dir.resolve("plans/v1.json");
        assertThat(validate("--job", JOB, "--window-seconds", "60", "--save-plan", v1.toString()))
                .isEqualTo(Validate.VALID);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("plan saved to " + v1);
        return v1;
    }

    @Test
    void savePlanWritesTheCompiledPlanWithStableUids() throws Exception {
        String plan = Files.readString(savedV1());
        assertThat(plan).contains("\"nodes\"").contains("click_counts");
    }

    @Test
    void sameJobAgainstItsOwnPlanIsCompatibleAndExitsZero() {
        Path v1 = savedV1();
        assertThat(
                        validate(
                                "--job",
                                JOB,
                                "--window-seconds",
                                "60",
                                "--previous-plan",
                                v1.toString()))
                .isEqualTo(Validate.VALID);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("compatible with " + v1 + ": every stateful operator keeps its state");
    }

    @Test
    void changedWindowIsValidButWarnsAndExitsThree() {
        Path v1 = savedV1();
        assertThat(
                        validate(
                                "--job",
                                JOB,
                                "--window-seconds",
                                "120",
                                "--previous-plan",
                                v1.toString()))
                .isEqualTo(Validate.LOSES_STATE);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("valid: job")
                .contains("state warnings against " + v1 + ": 1")
                .contains("warning: GlobalWindowAggregate over keys [user_id]")
                .contains("window changed");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void missingPreviousPlanExitsOneAndSaysWhatToGive() {
        Path none = dir.resolve("none.json");
        assertThat(validate("--job", JOB, "--previous-plan", none.toString()))
                .isEqualTo(Validate.INVALID);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--previous-plan " + none + ": no such file")
                .contains("leave --previous-plan out for a job's first version");
    }

    @Test
    void dataStreamJobHasNoCompiledPlanAndSaysSo() {
        assertThat(
                        validate(
                                "--job",
                                "io.flotilla.dsl.job.TestingJobs$RunningCount",
                                "--save-plan",
                                dir.resolve("p.json").toString()))
                .isEqualTo(Validate.INVALID);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("toDataStream")
                .contains("run it without --previous-plan/--save-plan");
        assertThat(dir.resolve("p.json")).doesNotExist();
    }
}
