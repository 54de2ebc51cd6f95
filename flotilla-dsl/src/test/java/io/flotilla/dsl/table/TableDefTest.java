package io.flotilla.dsl.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.dsl.DslException;
import io.flotilla.dsl.PlatformDefaults;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.api.TableDescriptor;
import org.junit.jupiter.api.Test;

class TableDefTest {

    private static TableDef.Builder orders() {
        return TableDef.kafka("orders")
                .topic("orders")
                .format(Format.JSON.option("ignore-parse-errors", "true"))
                .column("id", "BIGINT")
                .column("customer", "ROW<name STRING, tags ARRAY<STRING>>")
                .column("attributes", "MAP<STRING, STRING>")
                .column("rowtime", "TIMESTAMP(3)")
                .metadata("part", "INT", "partition")
                .computed("proc", "PROCTIME()")
                .watermark("rowtime", "rowtime - INTERVAL '30' MINUTE")
                .owner("orders-service");
    }

    @Test
    void kafkaTableBecomesTheDescriptorAnExpertWouldWrite() {
        TableDescriptor d =
                TableDescriptors.of(orders().build(), PlatformDefaults.local(), "job-a");

        assertThat(d.getOptions())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                "connector", "kafka",
                                "topic", "orders",
                                "format", "json",
                                "json.ignore-parse-errors", "true",
                                "properties.bootstrap.servers", "localhost:9092",
                                "properties.group.id", "flotilla-job-a",
                                "scan.startup.mode", "group-offsets",
                                "properties.auto.offset.reset", "earliest"));
        String schema = d.getSchema().orElseThrow().toString();
        assertThat(schema)
                .contains("`customer` [ROW<name STRING, tags ARRAY<STRING>>]")
                .contains("`attributes` [MAP<STRING, STRING>]")
                .contains("`part` METADATA FROM 'partition'")
                .contains("`proc` AS [PROCTIME()]")
                .contains("WATERMARK FOR `rowtime` AS [rowtime - INTERVAL '30' MINUTE]");
    }

    @Test
    void platformBootstrapServersApplyUnlessTheTableSetsItsOwn() {
        PlatformDefaults platform =
                PlatformDefaults.resolve(
                        List.of("--kafka-bootstrap-servers", "broker:9092"), Map.of());
        assertThat(TableDescriptors.of(orders().build(), platform, "j").getOptions())
                .containsEntry("properties.bootstrap.servers", "broker:9092");
        TableDef own = orders().option("properties.bootstrap.servers", "other:1").build();
        assertThat(TableDescriptors.of(own, platform, "j").getOptions())
                .containsEntry("properties.bootstrap.servers", "other:1");
    }

    @Test
    void upsertKafkaGetsKeyAndValueFormats() {
        TableDef stats =
                TableDef.upsertKafka("stats")
                        .topic("stats")
                        .format(Format.JSON)
                        .column("name", "STRING NOT NULL")
                        .column("total", "BIGINT")
                        .primaryKey("name")
                        .build();
        assertThat(TableDescriptors.of(stats, PlatformDefaults.local(), "j").getOptions())
                .containsEntry("key.format", "json")
                .containsEntry("value.format", "json")
                .doesNotContainKey("format")
                .doesNotContainKey("scan.startup.mode");
    }

    @Test
    void invalidTypeNamesTableColumnAndTheFix() {
        assertThatThrownBy(() -> orders().column("bad", "ROW<a INTT>").build())
                .isInstanceOf(DslException.class)
                .hasMessageContaining("table 'orders'")
                .hasMessageContaining("column 7 'bad'")
                .hasMessageContaining("invalid type 'ROW<a INTT>'")
                .hasMessageContaining("use a Flink SQL type");
    }

    @Test
    void watermarkOnAMissingColumnIsRefused() {
        assertThatThrownBy(
                        () ->
                                TableDef.datagen("t")
                                        .column("a", "INT")
                                        .watermark("ts", "ts")
                                        .origin("tables/t.yaml:1")
                                        .build())
                .hasMessageContaining("table 't' (declared in tables/t.yaml:1)")
                .hasMessageContaining("watermark on 'ts', which is not a column");
    }

    @Test
    void duplicateColumnPrimaryKeyAndLocationRulesAreChecked() {
        assertThatThrownBy(
                        () -> TableDef.datagen("t").column("a", "INT").column("a", "INT").build())
                .hasMessageContaining("column 2 'a' is declared twice");
        assertThatThrownBy(() -> TableDef.datagen("t").column("a", "INT").primaryKey("b").build())
                .hasMessageContaining("primary key column 'b', which is not a column");
        assertThatThrownBy(() -> TableDef.datagen("t").column("a", "INT").primaryKey("a").build())
                .hasMessage(
                        "table 't', field primary-key: column 'a' is nullable (INT), and Flink"
                                + " refuses a nullable key; declare it INT NOT NULL");
        assertThatThrownBy(() -> TableDef.upsertKafka("t").topic("t").column("a", "INT").build())
                .hasMessageContaining("upsert-kafka and needs a primary key");
        assertThatThrownBy(() -> TableDef.kafka("t").column("a", "INT").build())
                .hasMessageContaining("needs a location (its topic)");
        assertThatThrownBy(() -> TableDef.datagen("bad-name").column("a", "INT").build())
                .hasMessageContaining("table name 'bad-name'");
    }
}
