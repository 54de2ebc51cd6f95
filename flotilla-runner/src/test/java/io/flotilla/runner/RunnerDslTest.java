package io.flotilla.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code --job} goes to the DSL's main class by name, with the job's arguments untouched. */
class RunnerDslTest {

    @AfterEach
    void reset() {
        TestingJobMain.lastArgs = null;
        TestingJobMain.fail = false;
    }

    @Test
    void jobAndItsArgumentsGoToTheDslMain() throws Exception {
        Runner.runDslJob(
                RunnerArgs.parse(List.of("--job", "orders", "--window", "1h")),
                TestingJobMain.class.getName());
        assertThat(TestingJobMain.lastArgs).containsExactly("--job", "orders", "--window", "1h");
    }

    @Test
    void theDslsOwnFailureComesThroughUnwrapped() {
        TestingJobMain.fail = true;
        assertThatThrownBy(
                        () ->
                                Runner.runDslJob(
                                        RunnerArgs.parse(List.of("--job", "orders")),
                                        TestingJobMain.class.getName()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("job failed as told");
    }

    @Test
    void aRunnerWithoutTheDslSaysSoAndHowToRunSql() {
        assertThatThrownBy(
                        () ->
                                Runner.runDslJob(
                                        RunnerArgs.parse(List.of("--job", "orders")),
                                        "io.flotilla.missing.JobMain"))
                .hasMessageStartingWith(
                        "--job orders: this runner jar has no DSL (io.flotilla.missing.JobMain is"
                                + " missing)");
    }
}
