package io.flotilla.ui.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.ui.lineage.LineageGraph.JobLineage;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineageGraphTest {

    @Test
    void eachNodeSitsOneLayerRightOfTheFurthestNodeFeedingIt() {
        LineageGraph g =
                LineageGraph.layout(
                        List.of(
                                new JobLineage("stats", List.of("orders"), List.of("order_stats")),
                                new JobLineage(
                                        "alerts",
                                        List.of("order_stats", "orders"),
                                        List.of("alerts")),
                                new JobLineage("enrich", List.of("clicks"), List.of("orders"))));
        assertThat(g.nodes().get("t:clicks").layer()).isZero();
        assertThat(g.nodes().get("j:enrich").layer()).isEqualTo(1);
        assertThat(g.nodes().get("t:orders").layer()).isEqualTo(2);
        assertThat(g.nodes().get("j:stats").layer()).isEqualTo(3);
        assertThat(g.nodes().get("t:order_stats").layer()).isEqualTo(4);
        assertThat(g.nodes().get("j:alerts").layer()).isEqualTo(5);
        assertThat(g.nodes().get("t:alerts").layer()).isEqualTo(6);
        assertThat(g.edges()).hasSize(7);
        for (var e : g.edges()) {
            assertThat(g.nodes().get(e.from()).x()).isLessThan(g.nodes().get(e.to()).x());
        }
    }

    @Test
    void nodesOfOneLayerDoNotOverlapAndFitTheDrawing() {
        LineageGraph g =
                LineageGraph.layout(
                        List.of(
                                new JobLineage("a", List.of("t1"), List.of("t3")),
                                new JobLineage("b", List.of("t2"), List.of("t3"))));
        var a = g.nodes().get("j:a");
        var b = g.nodes().get("j:b");
        assertThat(a.x()).isEqualTo(b.x());
        assertThat(Math.abs(a.y() - b.y())).isGreaterThanOrEqualTo(LineageGraph.HEIGHT);
        for (var n : g.nodes().values()) {
            assertThat(n.x() + LineageGraph.WIDTH).isLessThanOrEqualTo(g.width());
            assertThat(n.y() + LineageGraph.HEIGHT).isLessThanOrEqualTo(g.height());
        }
    }

    @Test
    void aCycleEndsTheLayoutAndEveryNodeIsPlaced() {
        LineageGraph g =
                LineageGraph.layout(
                        List.of(
                                new JobLineage("a", List.of("x"), List.of("y")),
                                new JobLineage("b", List.of("y"), List.of("x"))));
        assertThat(g.nodes()).hasSize(4);
    }

    @Test
    void theSvgLinksEveryNodeAndEscapesNames() {
        String svg =
                LineageGraph.layout(List.of(new JobLineage("orders", List.of("<t&>"), List.of())))
                        .svg();
        assertThat(svg).startsWith("<svg").endsWith("</svg>");
        assertThat(svg).contains("href=\"/jobs/orders\"").contains("href=\"/tables/%3Ct%26%3E\"");
        assertThat(svg).contains("&lt;t&amp;&gt;").doesNotContain("<t&>");
    }
}
