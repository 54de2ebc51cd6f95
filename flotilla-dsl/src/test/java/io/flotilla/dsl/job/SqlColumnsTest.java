package io.flotilla.dsl.job;

import static io.flotilla.dsl.job.SqlColumns.callSql;
import static org.apache.flink.table.api.Expressions.$;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.dsl.DslException;
import org.apache.flink.table.api.Table;
import org.junit.jupiter.api.Test;

class SqlColumnsTest {

    /** A job writing users into discard through {@code select}. */
    private static BuiltJob usersJob(java.util.function.Function<Table, Table> select) {
        return JavaJobTest.build(
                new FlotillaJob() {
                    @Override
                    public String name() {
                        return "users-into-discard";
                    }

                    @Override
                    public void build(JobContext ctx) {
                        ctx.insertInto("discard", select.apply(ctx.from("users")));
                    }
                });
    }

    @Test
    void sqlColumnWithAliasPlansLikeTheTableApiCall() {
        String sql =
                usersJob(t -> t.select($("id"), callSql("LOWER(name) AS url"))).optimizedPlan();
        String api =
                usersJob(t -> t.select($("id"), $("name").lowerCase().as("url"))).optimizedPlan();

        assertThat(sql).isEqualTo(api).contains("LOWER(name) AS url");
    }

    @Test
    void castKeepsItsAsAndBacktickedAliasesWork() {
        Table t = usersJob(x -> x.select($("id"), $("name"))).tableEnv().from("users");
        Table out = SqlColumns.selectSql(t, "CAST(id AS BIGINT) AS `big`", "CAST(name AS STRING)");

        assertThat(out.getResolvedSchema().getColumnNames().get(0)).isEqualTo("big");
        assertThat(out.getResolvedSchema().getColumnDataTypes().get(0).toString())
                .isEqualTo("BIGINT");
        assertThat(out.getResolvedSchema().getColumnCount()).isEqualTo(2);
    }

    @Test
    void proctimeIsATimeAttributeThatWindowsGroupBy() {
        BuiltJob job = JavaJobTest.build(new TestingJobs.SqlInserts());

        assertThat(job.optimizedPlan())
                .contains("LOWER(url) AS url")
                .contains("PROCTIME()")
                .contains("WindowAggregate")
                .contains("size=[1 min]");
    }

    @Test
    void badSqlColumnNamesTheJobTheSourceLineTheExpressionAndItsColumn() {
        assertThatThrownBy(() -> JavaJobTest.build(new TestingJobs.BadSqlColumn()))
                .isInstanceOf(DslException.class)
                .hasMessageMatching(
                        "(?s)job 'bad-sql-column' \\(io.flotilla.dsl.job.TestingJobs\\$BadSqlColumn\\)"
                                + " at TestingJobs.java:\\d+: .*")
                .hasMessageContaining("Invalid SQL expression: LOWER(uri)")
                .hasMessageContaining("line 1, column 7")
                .hasMessageContaining("'uri'");
    }

    @Test
    void blankExpressionIsRefused() {
        assertThatThrownBy(() -> callSql(" "))
                .isInstanceOf(DslException.class)
                .hasMessageContaining("LOWER(name) AS name");
    }
}
