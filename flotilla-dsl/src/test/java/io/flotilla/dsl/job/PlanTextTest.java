package io.flotilla.dsl.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlanTextTest {

    @Test
    void canonicalNamesGeneratedAggregatesAfterTheirRenameInEachTreeAlone() {
        String tableApi =
                "Sink(table=[a])\n+- Calc(select=[k, EXPR$0 AS n])\n"
                        + "   +- Agg(select=[k, COUNT(*) AS EXPR$0])\n\n"
                        + "Sink(table=[b])\n+- Calc(select=[EXPR$0 AS total])\n"
                        + "   +- Agg(select=[SUM(x) AS EXPR$0])";
        String sql =
                "Sink(table=[a])\n+- Calc(select=[k, n])\n"
                        + "   +- Agg(select=[k, COUNT(*) AS n])\n\n"
                        + "Sink(table=[b])\n+- Calc(select=[total])\n"
                        + "   +- Agg(select=[SUM(x) AS total])";

        assertThat(PlanText.canonical(tableApi)).isEqualTo(sql);
        assertThat(PlanText.canonical(sql)).isEqualTo(sql);
    }

    @Test
    void sectionCutsOneHeaderOfAnExplanation() {
        String explain = "== A ==\nx\n\n== B ==\ny\n";
        assertThat(PlanText.section(explain, "== A ==")).isEqualTo("x");
        assertThat(PlanText.section(explain, "== B ==")).isEqualTo("y");
    }
}
