package io.flotilla.dsl.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.table.factories.DeserializationFormatFactory;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.factories.SerializationFormatFactory;
import org.junit.jupiter.api.Test;

/** Flink's own formats that tables may declare are on the DSL's (and the runner's) class path. */
class FlinkFormatsTest {

    private static final List<String> FORMATS =
            List.of("csv", "json", "avro", "protobuf", "debezium-json", "raw");

    @Test
    void everyFlinkFormatTheIssueNamesCanBeFoundForReadingAndWriting() {
        ClassLoader loader = getClass().getClassLoader();
        for (String format : FORMATS) {
            assertThat(
                            FactoryUtil.discoverFactory(
                                            loader, DeserializationFormatFactory.class, format)
                                    .factoryIdentifier())
                    .isEqualTo(format);
            assertThat(
                            FactoryUtil.discoverFactory(
                                            loader, SerializationFormatFactory.class, format)
                                    .factoryIdentifier())
                    .isEqualTo(format);
        }
    }

    @Test
    void aJobReadingAvroDebeziumAndRawAndWritingCsvJsonAndAvroPlans() {
        String plan = YamlJobTest.plan("jobs/flink-formats.yaml");
        assertThat(plan).contains("out_csv", "out_json", "out_avro", "in_debezium", "in_raw");
    }
}
