package io.flotilla.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runner's command line: SQL with variables, DSL jobs, and bad arguments named. */
class RunnerArgsTest {

    @Test
    void sqlWithVariables() {
        RunnerArgs args =
                RunnerArgs.parse(
                        List.of("--sql", "classpath:sql/x.sql", "--set", "a=1", "--set", "b=x=y"));
        assertThat(args.sql()).isEqualTo("classpath:sql/x.sql");
        assertThat(args.vars()).isEqualTo(Map.of("a", "1", "b", "x=y"));
        assertThat(args.job()).isNull();
    }

    @Test
    void jobArgumentsGoToTheDslUntouched() {
        RunnerArgs args = RunnerArgs.parse(List.of("--job", "orders", "--window", "1h", "--set"));
        assertThat(args.job()).isEqualTo("orders");
        assertThat(args.jobArgs()).containsExactly("--window", "1h", "--set");
    }

    @Test
    void badArgumentsNameTheArgumentAndTheRule() {
        assertThatThrownBy(() -> RunnerArgs.parse(List.of()))
                .hasMessageStartingWith("nothing to run: give --sql or --job");
        assertThatThrownBy(() -> RunnerArgs.parse(List.of("--sql", "a.sql", "--set", "novalue")))
                .hasMessageStartingWith("--set takes name=value, got 'novalue' (argument 4)");
        assertThatThrownBy(() -> RunnerArgs.parse(List.of("--sql")))
                .hasMessageStartingWith("--sql needs a value");
        assertThatThrownBy(() -> RunnerArgs.parse(List.of("--sql", "a.sql", "--bogus")))
                .hasMessageStartingWith("unknown argument '--bogus' at position 3");
        assertThatThrownBy(() -> RunnerArgs.parse(List.of("--sql", "a.sql", "--job", "x")))
                .hasMessageStartingWith("--job runs a DSL job and takes no --sql or --set");
    }
}
