package io.flotilla.dsl.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.dsl.DslException;
import io.flotilla.dsl.TestingTables;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TablesTest {

    private static final Path RESOURCES = Path.of("src/test/resources");

    @Test
    void yamlFileDeclaresSeveralTablesWithNestedTypesAndTheirLines() {
        Tables tables = Tables.builder().addYaml(RESOURCES.resolve("tables/orders.yaml")).build();

        TableDef orders = tables.get("orders");
        assertThat(orders.connector()).isEqualTo("kafka");
        assertThat(orders.location()).isEqualTo("orders");
        assertThat(orders.format().options()).containsEntry("ignore-parse-errors", "true");
        assertThat(orders.columns()).contains(Column.computed("proc", "PROCTIME()"));
        assertThat(orders.watermark().expression()).isEqualTo("rowtime - INTERVAL '30' MINUTE");
        assertThat(orders.origin()).isEqualTo("src/test/resources/tables/orders.yaml:2");
        assertThat(tables.get("order_totals").primaryKey()).containsExactly("customer");
        assertThat(tables.get("order_totals").origin()).endsWith("orders.yaml:17");
    }

    @Test
    void duplicateNamesAreRefusedNamingBothOrigins() {
        assertThatThrownBy(
                        () ->
                                Tables.builder()
                                        .addAll(TestingTables.catalog())
                                        .addYaml(RESOURCES.resolve("bad/clicks-again.yaml")))
                .isInstanceOf(DslException.class)
                .hasMessageContaining("table 'clicks' is declared twice")
                .hasMessageContaining("io.flotilla.dsl.TestingTables$Clicks")
                .hasMessageContaining("bad/clicks-again.yaml:1")
                .hasMessageContaining("rename or remove one");
    }

    @Test
    void unknownKeyIsReportedWithFileLineColumnAndTheKnownKeys() {
        assertThatThrownBy(
                        () -> Tables.builder().addYaml(RESOURCES.resolve("bad/unknown-key.yaml")))
                .hasMessageStartingWith(
                        "src/test/resources/bad/unknown-key.yaml:4:1: unknown key 'colums'")
                .hasMessageContaining("columns");
    }

    @Test
    void yamlSyntaxErrorIsReportedWithFileAndLine() {
        assertThatThrownBy(() -> Tables.builder().addYaml(RESOURCES.resolve("bad/syntax.yaml")))
                .isInstanceOf(DslException.class)
                .hasMessageMatching("(?s)src/test/resources/bad/syntax.yaml:[45]:\\d+: .*");
    }

    @Test
    void unknownTableListsTheKnownOnes() {
        assertThatThrownBy(() -> TestingTables.catalog().get("clickz"))
                .hasMessageContaining("unknown table 'clickz'")
                .hasMessageContaining("[click_counts, clicks, discard, users]");
    }

    @Test
    void overridesReplaceSameNamedTables() {
        Tables local =
                Tables.builder()
                        .add(TableDef.connector("click_counts", "print").column("a", "INT").build())
                        .build();
        Tables merged = TestingTables.catalog().overriddenBy(local);
        assertThat(merged.get("click_counts").connector()).isEqualTo("print");
        assertThat(merged.get("clicks").connector()).isEqualTo("datagen");
    }
}
