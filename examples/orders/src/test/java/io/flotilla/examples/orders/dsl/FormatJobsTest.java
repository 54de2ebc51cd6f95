package io.flotilla.examples.orders.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.dsl.job.BuiltJob;
import io.flotilla.dsl.lineage.Lineage;
import io.flotilla.dsl.lineage.LineageExtractor;
import io.flotilla.dsl.run.JobArgs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The TSKV-to-YSON and YSON-to-TSKV Kafka jobs plan locally and name their formats in lineage. */
class FormatJobsTest {

    private static BuiltJob build(String job) {
        return JobArgs.parse(List.of(job)).build(FormatJobsTest.class.getClassLoader(), Map.of());
    }

    @Test
    void tskvToYsonReadsTskvAndWritesBinaryYson() {
        BuiltJob job = build("classpath:jobs/tskv-to-yson.yaml");
        Lineage lineage = LineageExtractor.of(job);

        assertThat(job.optimizedPlan()).contains("LOWER(name) AS name");
        assertThat(lineage.reads())
                .extracting(Lineage.TableRef::name, Lineage.TableRef::format)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("events_tskv", "tskv"));
        assertThat(lineage.writes())
                .extracting(Lineage.TableRef::name, Lineage.TableRef::format)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("events_yson", "yson"));
    }

    @Test
    void ysonToTskvReadsYsonAndWritesTskv() {
        Lineage lineage = LineageExtractor.of(build("classpath:jobs/yson-to-tskv.yaml"));

        assertThat(lineage.reads())
                .extracting(Lineage.TableRef::location)
                .containsExactly("events-yson");
        assertThat(lineage.writes()).extracting(Lineage.TableRef::format).containsExactly("tskv");
    }
}
