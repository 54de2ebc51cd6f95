package io.flotilla.dsl.job;

import io.flotilla.dsl.DslException;
import io.flotilla.dsl.lineage.Lineage;
import io.flotilla.dsl.table.Column;
import io.flotilla.dsl.table.TableDef;
import io.flotilla.dsl.table.Tables;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A backfill: the job re-run as a batch over {@code [from, to)} of its Kafka sources (by record
 * timestamp) and file sources (by file modification time), writing to its own sink or, with {@code
 * into}, to another declared table.
 *
 * @param into the declared table to write instead of the job's sink, or null for the job's own
 */
public record Backfill(Instant from, Instant to, String into) {

    /** Connectors a backfill can read, as bounded sources. */
    static final List<String> SOURCES = List.of("kafka", "filesystem", "jdbc");

    /** The metadata column a file source is bounded by: when its file was last modified. */
    static final String FILE_TIME = "__flotilla_file_time";

    /** Connectors a backfill can write: they take a bounded, insert-only input. */
    static final List<String> SINKS = List.of("kafka", "upsert-kafka", "filesystem", "jdbc");

    public Backfill {
        if (from == null || to == null) {
            throw new DslException(
                    "a backfill needs both --backfill-from and --backfill-to (ISO instants, e.g."
                            + " 2026-01-01T00:00:00Z)");
        }
        if (!from.isBefore(to)) {
            throw new DslException(
                    "--backfill-from "
                            + from
                            + " must be before --backfill-to "
                            + to
                            + ": the range is [from, to)");
        }
    }

    /**
     * {@code tables} with every Kafka table bounded to the range by record timestamp, in a consumer
     * group of its own so that the streaming job's committed offsets are never touched.
     */
    Tables bound(Tables tables, String jobName) {
        Tables.Builder bounded = Tables.builder();
        for (TableDef def : tables.all()) {
            if (!def.connector().equals("kafka")) {
                bounded.add(def);
                continue;
            }
            Map<String, String> options = new LinkedHashMap<>(def.options());
            options.put("scan.startup.mode", "timestamp");
            options.put("scan.startup.timestamp-millis", String.valueOf(from.toEpochMilli()));
            options.put("scan.bounded.mode", "timestamp");
            options.put("scan.bounded.timestamp-millis", String.valueOf(to.toEpochMilli()));
            options.put(
                    "properties.group.id",
                    def.options().getOrDefault("properties.group.id", "flotilla-" + jobName)
                            + "-backfill");
            options.remove("properties.auto.offset.reset");
            bounded.add(renamed(def, def.name(), options));
        }
        return bounded.build();
    }

    /**
     * Refuses what a batch cannot do, before anything is submitted: sources that are not bounded or
     * are changelogs, sinks that cannot take a batch, and an {@code into} that does not fit.
     */
    void check(String job, Lineage lineage, Tables tables) {
        for (Lineage.TableRef read : lineage.reads()) {
            String connector = read.connector();
            if (connector != null && !SOURCES.contains(connector)) {
                throw new DslException(
                        "job '"
                                + job
                                + "' reads table '"
                                + read.name()
                                + "' ("
                                + connector
                                + "), which a backfill cannot bound to a time range: it reads"
                                + " only "
                                + SOURCES
                                + " tables (Kafka between two record timestamps, files modified"
                                + " between the two times); run a job over that table as a batch"
                                + " job of its own");
            }
        }
        for (Lineage.TableRef write : lineage.writes()) {
            String connector = write.connector();
            if (connector != null && !SINKS.contains(connector)) {
                throw new DslException(
                        "job '"
                                + job
                                + "' writes table '"
                                + write.name()
                                + "' ("
                                + connector
                                + "), which cannot take a batch; backfill --into a table on one"
                                + " of "
                                + SINKS);
            }
        }
        if (into != null) {
            if (lineage.writes().size() != 1) {
                throw new DslException(
                        "--into "
                                + into
                                + ": job '"
                                + job
                                + "' writes "
                                + lineage.writes().stream().map(Lineage.TableRef::name).toList()
                                + ", and --into replaces exactly one sink; backfill without"
                                + " --into");
            }
            TableDef sink = tables.get(lineage.writes().get(0).name());
            TableDef target;
            try {
                target = tables.get(into);
            } catch (DslException e) {
                throw new DslException("--into " + into + ": " + e.getMessage(), e);
            }
            if (!shape(target).equals(shape(sink))) {
                throw new DslException(
                        "--into "
                                + into
                                + ": its columns "
                                + shape(target)
                                + " differ from those of the job's sink '"
                                + sink.name()
                                + "' "
                                + shape(sink)
                                + "; name a table declared with the same columns and types");
            }
        }
    }

    /**
     * The file tables among {@code lineage}'s reads: each is read through a filter on file time.
     */
    static List<String> fileSources(Lineage lineage) {
        return lineage.reads().stream()
                .filter(t -> "filesystem".equals(t.connector()))
                .map(Lineage.TableRef::name)
                .toList();
    }

    /** {@code def} under {@code hidden} with the file modification time as a metadata column. */
    static TableDef withFileTime(TableDef def, String hidden) {
        List<Column> columns = new java.util.ArrayList<>(def.columns());
        columns.add(Column.metadata(FILE_TIME, "TIMESTAMP_LTZ(3)", "file.modification-time"));
        return new TableDef(
                hidden,
                def.connector(),
                def.location(),
                def.format(),
                def.options(),
                def.secretOptions(),
                columns,
                def.watermark(),
                def.primaryKey(),
                def.lookup(),
                def.owner(),
                def.origin());
    }

    /** The rows of {@code def}'s files last modified in the range, read from {@code hidden}. */
    String fileFilter(TableDef def, String hidden) {
        String columns =
                def.columns().stream()
                        .map(c -> "`" + c.name() + "`")
                        .collect(java.util.stream.Collectors.joining(", "));
        return "SELECT "
                + columns
                + " FROM `"
                + hidden
                + "` WHERE `"
                + FILE_TIME
                + "` >= TO_TIMESTAMP_LTZ("
                + from.toEpochMilli()
                + ", 3) AND `"
                + FILE_TIME
                + "` < TO_TIMESTAMP_LTZ("
                + to.toEpochMilli()
                + ", 3)";
    }

    /** Names and types of a table's columns; a NOT NULL key column fits a nullable one. */
    private static List<String> shape(TableDef def) {
        return def.columns().stream()
                .map(
                        c ->
                                c.name()
                                        + " "
                                        + String.valueOf(c.type())
                                                .replace(" NOT NULL", "")
                                                .toUpperCase(java.util.Locale.ROOT))
                .toList();
    }

    /** {@code tables} with the job's one sink {@code sink} written to the {@code into} table. */
    Tables redirect(Tables tables, String sink) {
        TableDef target = tables.get(into);
        return tables.overriddenBy(
                Tables.builder().add(renamed(target, sink, target.options())).build());
    }

    private static TableDef renamed(TableDef def, String name, Map<String, String> options) {
        return new TableDef(
                name,
                def.connector(),
                def.location(),
                def.format(),
                options,
                def.secretOptions(),
                def.columns(),
                def.watermark(),
                def.primaryKey(),
                def.lookup(),
                def.owner(),
                def.origin());
    }
}
