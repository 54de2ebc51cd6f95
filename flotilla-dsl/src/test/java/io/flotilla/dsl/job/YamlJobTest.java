package io.flotilla.dsl.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.dsl.DslException;
import io.flotilla.dsl.PlatformDefaults;
import io.flotilla.dsl.TestingTables;
import io.flotilla.dsl.table.Tables;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlJobTest {

    private static final String DIR = "src/test/resources/";

    static BuiltJob build(String file, String... args) {
        return Jobs.build(
                Jobs.load(DIR + file, YamlJobTest.class.getClassLoader()),
                TestingTables.catalog(),
                Tables.builder().build(),
                PlatformDefaults.local(),
                JobConfig.parse(List.of(args)));
    }

    /** Builds and plans, as validate does. */
    static String plan(String file, String... args) {
        return build(file, args).optimizedPlan();
    }

    @Test
    void yamlJobPlansExactlyLikeTheSameJobInJava() {
        assertThat(PlanText.canonical(plan("jobs/click-stats.yaml")))
                .isEqualTo(
                        PlanText.canonical(
                                JavaJobTest.build(new TestingJobs.ClickStats()).optimizedPlan()));
        assertThat(PlanText.canonical(plan("jobs/click-stats.yaml", "--window-seconds", "5")))
                .isEqualTo(
                        PlanText.canonical(
                                JavaJobTest.build(
                                                new TestingJobs.ClickStats(),
                                                "--window-seconds",
                                                "5")
                                        .optimizedPlan()));
    }

    @Test
    void jobFromTheClassPathLoads() {
        FlotillaJob job = Jobs.load("classpath:jobs/click-stats.yaml", getClass().getClassLoader());
        assertThat(job.name()).isEqualTo("click-stats-yaml");
    }

    @Test
    void inlineTablesWithNestedTypesAreDeclaredForTheJob() {
        assertThat(plan("jobs/inline-table.yaml")).contains("numbers");
    }

    @Test
    void unknownKeyIsReportedWithFileLineAndColumn() {
        assertThatThrownBy(() -> build("bad/job-unknown-key.yaml"))
                .isInstanceOf(DslException.class)
                .hasMessageStartingWith(DIR + "bad/job-unknown-key.yaml:4:5: unknown key 'veiw'")
                .hasMessageContaining("known keys here are sql, view");
    }

    @Test
    void yamlSyntaxErrorIsReportedWithFileAndLine() {
        assertThatThrownBy(() -> build("bad/job-syntax.yaml"))
                .isInstanceOf(DslException.class)
                .hasMessageMatching("(?s)" + DIR + "bad/job-syntax.yaml:\\d+:\\d+: .*");
    }

    @Test
    void badSqlPointsAtTheLineAndColumnInTheYamlFile() {
        assertThatThrownBy(() -> build("bad/job-bad-sql.yaml"))
                .isInstanceOf(DslException.class)
                .hasMessageContaining("job 'bad-sql'")
                .hasMessageContaining("statement 1 (" + DIR + "bad/job-bad-sql.yaml:5)")
                .hasMessageContaining("at " + DIR + "bad/job-bad-sql.yaml:6:25")
                .hasMessageContaining("AND");
    }

    @Test
    void unknownColumnPointsAtTheColumnInTheYamlFile() {
        assertThatThrownBy(() -> build("bad/job-unknown-column.yaml"))
                .hasMessageContaining("statement 1")
                .hasMessageContaining("at " + DIR + "bad/job-unknown-column.yaml:5:23")
                .hasMessageContaining("Column 'uri' not found");
    }

    @Test
    void unknownTableInSqlIsReported() {
        assertThatThrownBy(() -> build("bad/job-unknown-table.yaml"))
                .hasMessageContaining("job 'unknown-table'")
                .hasMessageContaining("clickz")
                .hasMessageContaining("not found");
    }

    @Test
    void listedUnknownTableIsReportedAtItsLine() {
        assertThatThrownBy(() -> build("bad/job-listed-unknown-table.yaml"))
                .hasMessageStartingWith(DIR + "bad/job-listed-unknown-table.yaml:2:")
                .hasMessageContaining("unknown table 'clickz'");
    }

    @Test
    void typeMismatchAgainstTheSinkIsReported() {
        assertThatThrownBy(() -> build("bad/job-type-mismatch.yaml").explain())
                .hasMessageContaining("job 'type-mismatch'")
                .hasMessageContaining("discard");
    }

    @Test
    void sinkSchemaMismatchIsReported() {
        assertThatThrownBy(() -> build("bad/job-sink-mismatch.yaml").explain())
                .hasMessageContaining("job 'sink-mismatch'")
                .hasMessageContaining("discard");
    }

    @Test
    void unknownConnectorIsReportedAtPlanning() {
        assertThatThrownBy(() -> build("bad/job-unknown-connector.yaml").explain())
                .hasMessageContaining("job 'unknown-connector'")
                .hasMessageContaining("logbroker");
    }

    @Test
    void unknownFormatIsReportedAtPlanning() {
        assertThatThrownBy(() -> build("bad/job-unknown-format.yaml").explain())
                .hasMessageContaining("job 'unknown-format'")
                .hasMessageContaining("ysonn");
    }

    @Test
    void placeholderWithoutValueNamesTheFix() {
        assertThatThrownBy(() -> build("bad/job-placeholder.yaml"))
                .hasMessageContaining("${min-user} has no value")
                .hasMessageContaining("--min-user");
        assertThat(plan("bad/job-placeholder.yaml", "--min-user", "3")).contains("> 3");
    }
}
