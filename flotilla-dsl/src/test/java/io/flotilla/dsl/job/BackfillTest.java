package io.flotilla.dsl.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.dsl.DslException;
import io.flotilla.dsl.PlatformDefaults;
import io.flotilla.dsl.function.Functions;
import io.flotilla.dsl.lineage.LineageExtractor;
import io.flotilla.dsl.run.JobArgs;
import io.flotilla.dsl.table.Format;
import io.flotilla.dsl.table.TableDef;
import io.flotilla.dsl.table.Tables;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackfillTest {

    static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-01-01T01:00:00Z");

    static final Tables CATALOG =
            Tables.builder()
                    .add(
                            TableDef.kafka("events")
                                    .topic("events")
                                    .format(Format.JSON)
                                    .column("name", "STRING")
                                    .column("ts", "TIMESTAMP_LTZ(3)")
                                    .watermark("ts", "ts - INTERVAL '5' SECOND")
                                    .build())
                    .add(counts(TableDef.kafka("counts").topic("counts")))
                    .add(counts(TableDef.kafka("counts_again").topic("counts_again")))
                    .add(counts(TableDef.filesystem("counts_files").path("/tmp/counts")))
                    .add(
                            TableDef.upsertKafka("counts_upsert")
                                    .topic("counts_upsert")
                                    .format(Format.JSON)
                                    .column("window_start", "TIMESTAMP(3) NOT NULL")
                                    .column("name", "STRING NOT NULL")
                                    .column("events", "BIGINT")
                                    .primaryKey("window_start", "name")
                                    .build())
                    .add(
                            TableDef.filesystem("files_in")
                                    .path("/tmp/in")
                                    .format(Format.JSON)
                                    .column("name", "STRING")
                                    .column("ts", "TIMESTAMP_LTZ(3)")
                                    .watermark("ts", "ts")
                                    .build())
                    .add(
                            TableDef.kafka("narrow")
                                    .topic("narrow")
                                    .format(Format.JSON)
                                    .column("name", "STRING")
                                    .build())
                    .add(
                            TableDef.datagen("generated")
                                    .column("name", "STRING")
                                    .column("ts", "TIMESTAMP_LTZ(3)")
                                    .watermark("ts", "ts")
                                    .build())
                    .build();

    static TableDef counts(TableDef.Builder b) {
        return b.format(Format.JSON)
                .column("window_start", "TIMESTAMP(3)")
                .column("name", "STRING")
                .column("events", "BIGINT")
                .build();
    }

    /** Counts per name in one-minute windows of {@code source}, into {@code counts}. */
    public static final class Counts implements FlotillaJob {
        private final String source;

        public Counts() {
            this("events");
        }

        Counts(String source) {
            this.source = source;
        }

        @Override
        public String name() {
            return "counts";
        }

        @Override
        public void build(JobContext ctx) {
            ctx.insertSql(
                    "INSERT INTO counts SELECT window_start, name, COUNT(*) FROM TABLE(TUMBLE("
                            + "TABLE "
                            + source
                            + ", DESCRIPTOR(ts), INTERVAL '1' MINUTE))"
                            + " GROUP BY window_start, window_end, name");
        }
    }

    static BuiltJob backfill(FlotillaJob job, String into) {
        return Jobs.build(
                job,
                CATALOG,
                Functions.none(),
                Tables.builder().build(),
                PlatformDefaults.local(),
                JobConfig.parse(List.of()),
                new Backfill(FROM, TO, into));
    }

    @Test
    void argumentsGiveTheRangeAndTheIntoTable() {
        JobArgs args =
                JobArgs.parse(
                        List.of(
                                "--job", "x.yaml",
                                "--backfill-from", "2026-01-01T00:00:00Z",
                                "--backfill-to", "2026-01-01T01:00:00Z",
                                "--into", "counts_again",
                                "--window-seconds", "5"));
        assertThat(args.backfill()).isEqualTo(new Backfill(FROM, TO, "counts_again"));
        assertThat(args.jobArgs()).containsExactly("--window-seconds", "5");
        assertThat(JobArgs.parse(List.of("--job", "x.yaml")).backfill()).isNull();
    }

    @Test
    void badRangesAreRefusedNamingTheFlagAndTheFix() {
        assertThatThrownBy(
                        () -> JobArgs.parse(List.of("--job", "x", "--backfill-from", "yesterday")))
                .hasMessageContaining("go together");
        assertThatThrownBy(
                        () ->
                                JobArgs.parse(
                                        List.of(
                                                "--job", "x",
                                                "--backfill-from", "yesterday",
                                                "--backfill-to", "2026-01-01T01:00:00Z")))
                .hasMessageContaining("--backfill-from 'yesterday' is not an ISO instant")
                .hasMessageContaining("2026-01-01T00:00:00Z");
        assertThatThrownBy(() -> new Backfill(TO, FROM, null))
                .isInstanceOf(DslException.class)
                .hasMessageContaining("must be before --backfill-to");
        assertThatThrownBy(
                        () ->
                                JobArgs.parse(
                                        List.of(
                                                "--job", "x",
                                                "--backfill-from", "2026-01-01T00:00:00Z",
                                                "--backfill-to", "2026-01-01T01:00:00Z",
                                                "--previous-plan", "p.json")))
                .hasMessageContaining("no --previous-plan");
    }

    @Test
    void kafkaSourcesAreBoundedByRecordTimestampInAGroupOfTheirOwn() {
        BuiltJob job = backfill(new Counts(), null);
        var options = job.tables().get("events").options();
        assertThat(options)
                .containsEntry("scan.startup.mode", "timestamp")
                .containsEntry("scan.startup.timestamp-millis", String.valueOf(FROM.toEpochMilli()))
                .containsEntry("scan.bounded.mode", "timestamp")
                .containsEntry("scan.bounded.timestamp-millis", String.valueOf(TO.toEpochMilli()))
                .containsEntry("properties.group.id", "flotilla-counts-backfill");
        String plan = job.explain();
        // A batch plan: no watermark assigner or changelog, the window over the bounded scan.
        assertThat(plan).contains("Sink(table=[default_catalog.default_database.counts]");
        assertThat(plan).doesNotContain("changelogMode");
    }

    @Test
    void intoWritesTheNamedTableInsteadOfTheJobsSink() {
        BuiltJob job = backfill(new Counts(), "counts_again");
        assertThat(job.tables().get("counts").location()).isEqualTo("counts_again");
        assertThat(LineageExtractor.of(job).writes().get(0).location()).isEqualTo("counts_again");
        BuiltJob files = backfill(new Counts(), "counts_files");
        assertThat(files.tables().get("counts").connector()).isEqualTo("filesystem");
        files.explain();
    }

    @Test
    void intoAnUnknownOrDifferentTableIsRefused() {
        assertThatThrownBy(() -> backfill(new Counts(), "nope"))
                .isInstanceOf(DslException.class)
                .hasMessageContaining("--into nope: unknown table 'nope'");
        assertThatThrownBy(() -> backfill(new Counts(), "narrow"))
                .isInstanceOf(DslException.class)
                .hasMessageContaining("--into narrow: its columns")
                .hasMessageContaining("differ from those of the job's sink 'counts'");
    }

    @Test
    void anUnboundedSourceIsRefusedBeforeSubmission() {
        assertThatThrownBy(() -> backfill(new Counts("generated"), null))
                .isInstanceOf(DslException.class)
                .hasMessageContaining("'default_catalog.default_database.generated'")
                .hasMessageContaining("reads only bounded tables");
    }

    @Test
    void fileSourcesAreReadOnlyFromFilesModifiedInTheRange() {
        String plan = backfill(new Counts("files_in"), "counts_files").optimizedPlan();
        assertThat(plan)
                .contains("files_in__backfill_files")
                .contains("__flotilla_file_time")
                .contains("Sink(table=[default_catalog.default_database.counts]");
    }

    @Test
    void anUpsertKafkaTableTakesTheBatch() {
        backfill(new Counts(), "counts_upsert").explain();
    }
}
