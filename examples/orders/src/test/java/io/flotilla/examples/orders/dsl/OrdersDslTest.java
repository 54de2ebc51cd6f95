package io.flotilla.examples.orders.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.dsl.cli.Validate;
import io.flotilla.dsl.job.BuiltJob;
import io.flotilla.dsl.job.PlanText;
import io.flotilla.dsl.lineage.LineageExtractor;
import io.flotilla.dsl.run.JobArgs;
import io.flotilla.dsl.run.JobMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrdersDslTest {

    private static final String JAVA = "io.flotilla.examples.orders.dsl.OrdersDslJob";
    private static final String YAML = "classpath:jobs/orders.yaml";

    private static BuiltJob build(String... args) {
        return JobArgs.parse(List.of(args)).build(OrdersDslTest.class.getClassLoader(), Map.of());
    }

    private static String handWritten(long windowSeconds) {
        return PlanText.section(
                OrdersHandWritten.build(windowSeconds).explain(), "== Optimized Execution Plan ==");
    }

    @Test
    void javaDslPlansExactlyLikeTheHandWrittenTableApiJob() {
        assertThat(build(JAVA).optimizedPlan()).isEqualTo(handWritten(3600));
        assertThat(build(JAVA, "--window-seconds", "10").optimizedPlan())
                .isEqualTo(handWritten(10))
                .contains("size=[10 s]");
    }

    @Test
    void yamlJobPlansLikeTheJavaJobUpToGeneratedAggregateNames() {
        String yaml = build(YAML).optimizedPlan();
        assertThat(PlanText.canonical(yaml))
                .isEqualTo(PlanText.canonical(build(JAVA).optimizedPlan()));
        assertThat(PlanText.canonical(yaml)).isEqualTo(PlanText.canonical(handWritten(3600)));
        assertThat(yaml)
                .contains("LOWER(name)")
                .contains("cost IS NOT NULL")
                .contains("TUMBLE(time_col=[ts], size=[1 h])")
                .contains("AVG(cost)");
    }

    @Test
    void bothFormsValidateWithoutACluster() {
        for (String job : List.of(JAVA, YAML)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code =
                    Validate.run(
                            new String[] {job},
                            new PrintStream(out, true, StandardCharsets.UTF_8),
                            new PrintStream(err, true, StandardCharsets.UTF_8),
                            Map.of());
            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        }
    }

    @Test
    void lineageNamesTheKafkaTopicsFormatsOwnersAndDeclaringClasses() {
        assertThat(LineageExtractor.of(build(JAVA)).toJson())
                .isEqualTo(
                        """
                        {
                          "job" : "orders-dsl",
                          "declaredBy" : "io.flotilla.examples.orders.dsl.OrdersDslJob",
                          "reads" : [ {
                            "name" : "orders",
                            "connector" : "kafka",
                            "location" : "orders",
                            "format" : "json",
                            "owner" : "orders-service",
                            "declaredBy" : "io.flotilla.examples.orders.dsl.OrdersTable"
                          } ],
                          "writes" : [ {
                            "name" : "order_stats",
                            "connector" : "kafka",
                            "location" : "order_stats",
                            "format" : "json",
                            "owner" : "analytics",
                            "declaredBy" : "io.flotilla.examples.orders.dsl.OrderStatsTable"
                          } ]
                        }""");
        assertThat(LineageExtractor.of(build(YAML)).declaredBy()).isEqualTo(YAML);
    }

    @Test
    void localTablesReplaceKafkaWithDatagenAndPrint() {
        String plan = build(JAVA, "--tables", "src/test/resources/local-tables").explain();
        assertThat(plan).contains("orders").doesNotContain("kafka");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JobMain.run(
                new String[] {
                    "--job", YAML, "--tables", "src/test/resources/local-tables", "--lineage"
                },
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("\"connector\" : \"datagen\"")
                .contains("\"connector\" : \"print\"")
                .contains("local-tables/orders.yaml:2");
    }

    @Test
    void planModePrintsTheWholeExplanation() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JobMain.run(
                new String[] {"--job", JAVA, "--plan"},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("== Abstract Syntax Tree ==")
                .contains("== Optimized Execution Plan ==");
    }
}
