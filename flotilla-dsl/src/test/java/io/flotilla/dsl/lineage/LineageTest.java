package io.flotilla.dsl.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.dsl.PlatformDefaults;
import io.flotilla.dsl.TestingTables;
import io.flotilla.dsl.job.FlotillaJob;
import io.flotilla.dsl.job.JobConfig;
import io.flotilla.dsl.job.Jobs;
import io.flotilla.dsl.table.Tables;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LineageTest {

    private static Lineage lineage(String ref) {
        FlotillaJob job = Jobs.load(ref, LineageTest.class.getClassLoader());
        return LineageExtractor.of(
                Jobs.build(
                        job,
                        TestingTables.catalog(),
                        Tables.builder().build(),
                        PlatformDefaults.local(),
                        JobConfig.empty()));
    }

    @Test
    void readsAndWritesComeFromThePlanAndAreDescribedByTheirDeclarations() {
        Lineage l = lineage("io.flotilla.dsl.job.TestingJobs$ClickStats");

        assertThat(l.job()).isEqualTo("click-stats");
        assertThat(l.declaredBy()).isEqualTo("io.flotilla.dsl.job.TestingJobs$ClickStats");
        assertThat(l.reads())
                .containsExactly(
                        new Lineage.TableRef(
                                "clicks",
                                "datagen",
                                null,
                                null,
                                "web-service",
                                "io.flotilla.dsl.TestingTables$Clicks"));
        assertThat(l.writes())
                .containsExactly(
                        new Lineage.TableRef(
                                "click_counts",
                                "filesystem",
                                "file:///tmp/flotilla-dsl-test/click_counts",
                                "json",
                                "analytics",
                                "io.flotilla.dsl.TestingTables$ClickCounts"),
                        new Lineage.TableRef(
                                "discard",
                                "blackhole",
                                null,
                                null,
                                null,
                                "io.flotilla.dsl.TestingTables$Discard"));
    }

    @Test
    void joinedTablesAreAllRead() {
        assertThat(lineage("io.flotilla.dsl.job.TestingJobs$ClickNames").reads())
                .extracting(Lineage.TableRef::name)
                .containsExactlyInAnyOrder("clicks", "users");
    }

    @Test
    void tablesReadThroughADataStreamAreRead() {
        Lineage l = lineage("io.flotilla.dsl.job.TestingJobs$RunningCount");
        assertThat(l.reads()).extracting(Lineage.TableRef::name).containsExactly("clicks");
        assertThat(l.writes()).extracting(Lineage.TableRef::name).containsExactly("discard");
    }

    @Test
    void yamlJobIsDeclaredByItsFileAndUnusedListedTablesAreNotReported() {
        Lineage l = lineage("src/test/resources/jobs/click-stats.yaml");
        assertThat(l.declaredBy()).isEqualTo("src/test/resources/jobs/click-stats.yaml");
        assertThat(l.reads()).extracting(Lineage.TableRef::name).containsExactly("clicks");
        assertThat(l.writes())
                .extracting(Lineage.TableRef::name)
                .containsExactly("click_counts", "discard");
    }

    @Test
    void jsonHasJobReadsAndWrites() {
        String json = lineage("io.flotilla.dsl.job.TestingJobs$ClickNames").toJson();
        assertThat(json)
                .startsWith("{\n  \"job\" : \"click-names\"")
                .contains("\"reads\" : [")
                .contains("\"writes\" : [")
                .contains("\"owner\" : \"accounts-service\"");
    }

    @Test
    void scansLookupJoinsAndSinksAreFoundInPlanText() {
        String plan =
                "Sink(table=[default_catalog.default_database.out], fields=[a])\n"
                        + "+- LookupJoin(table=[default_catalog.default_database.customers], joinType=[InnerJoin])\n"
                        + "   +- TableSourceScan(table=[[default_catalog, default_database, orders, watermark=[x]]], fields=[a])";
        Set<String> reads = new LinkedHashSet<>();
        Set<String> writes = new LinkedHashSet<>();
        LineageExtractor.collect(plan, reads, writes);
        assertThat(reads)
                .containsExactly(
                        "default_catalog.default_database.orders",
                        "default_catalog.default_database.customers");
        assertThat(writes).containsExactly("default_catalog.default_database.out");
    }
}
