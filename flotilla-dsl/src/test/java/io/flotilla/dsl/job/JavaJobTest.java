package io.flotilla.dsl.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.dsl.DslException;
import io.flotilla.dsl.PlatformDefaults;
import io.flotilla.dsl.TestingTables;
import io.flotilla.dsl.table.Tables;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaJobTest {

    static BuiltJob build(FlotillaJob job, String... args) {
        return Jobs.build(
                job,
                TestingTables.catalog(),
                Tables.builder().build(),
                PlatformDefaults.local(),
                JobConfig.parse(List.of(args)));
    }

    @Test
    void oneJobWritesSeveralSinksInOneStatementSet() {
        String plan = build(new TestingJobs.ClickStats()).optimizedPlan();

        assertThat(plan)
                .contains("Sink(table=[default_catalog.default_database.click_counts]")
                .contains("Sink(table=[default_catalog.default_database.discard]")
                .contains("WindowAggregate")
                .contains("size=[1 min]");
    }

    @Test
    void jobArgumentsReachTheJob() {
        assertThat(build(new TestingJobs.ClickStats(), "--window-seconds", "5").optimizedPlan())
                .contains("size=[5 s]");
    }

    @Test
    void sqlViewsAndJoinsPlan() {
        assertThat(build(new TestingJobs.ClickNames()).optimizedPlan()).contains("Join(");
    }

    @Test
    void dataStreamInsertsPlanWithTheTablesAroundThem() {
        BuiltJob job = build(new TestingJobs.RunningCount());
        assertThat(job.optimizedPlan()).contains("anonymous_datastream_source");
        assertThat(job.streamedTables()).hasSize(1);
    }

    @Test
    void unknownTableNamesTheJobAndTheKnownTables() {
        assertThatThrownBy(() -> build(new TestingJobs.UnknownTable()))
                .isInstanceOf(DslException.class)
                .hasMessageContaining(
                        "job 'unknown-table' (io.flotilla.dsl.job.TestingJobs$UnknownTable)")
                .hasMessageContaining("unknown table 'clickz'")
                .hasMessageContaining("clicks");
    }

    @Test
    void unknownColumnNamesTheJobTheSourceLineAndTheColumn() {
        assertThatThrownBy(() -> build(new TestingJobs.BadColumn()))
                .isInstanceOf(DslException.class)
                .hasMessageContaining("job 'bad-column'")
                .hasMessageMatching("(?s).* at TestingJobs.java:\\d+: .*")
                .hasMessageContaining("uri");
    }

    @Test
    void sinkSchemaMismatchNamesTheSinkAndTheColumns() {
        assertThatThrownBy(() -> build(new TestingJobs.SinkMismatch()).explain())
                .isInstanceOf(DslException.class)
                .hasMessageContaining("job 'sink-mismatch'")
                .hasMessageContaining("click_counts");
    }

    @Test
    void jobWithoutSinkIsRefused() {
        assertThatThrownBy(() -> build(new TestingJobs.NoSink()))
                .hasMessageContaining("writes no table");
    }
}
