package io.flotilla.dsl.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backfill over files on Flink's local executor: of two files of events, only the one last
 * modified inside the range is read, and the job's counts are of its rows alone.
 */
class BackfillFilesITCase {

    @TempDir Path dir;

    @Test
    void aBackfillReadsOnlyTheFilesModifiedInItsRange() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path old = in.resolve("old.json");
        Files.writeString(old, "{\"name\":\"a\"}\n".repeat(3));
        Files.setLastModifiedTime(old, FileTime.from(Instant.parse("2025-06-01T00:00:00Z")));
        Path recent = in.resolve("recent.json");
        Files.writeString(
                recent, "{\"name\":\"a\"}\n{\"name\":\"b\"}\n".repeat(2) + "{\"name\":\"a\"}\n");
        Files.setLastModifiedTime(recent, FileTime.from(Instant.parse("2026-01-01T00:30:00Z")));
        Path tables = Files.createDirectories(dir.resolve("tables"));
        Files.writeString(
                tables.resolve("tables.yaml"),
                """
                name: events
                connector: filesystem
                location: %s
                format: json
                columns:
                  - {name: name, type: STRING}
                ---
                name: counts
                connector: filesystem
                location: %s
                format: csv
                columns:
                  - {name: name, type: STRING}
                  - {name: events, type: BIGINT}
                """
                        .formatted(in.toUri(), dir.resolve("out").toUri()));
        Path job = dir.resolve("job.yaml");
        Files.writeString(
                job,
                """
                name: event-counts
                tables: [events, counts]
                statements:
                  - sql: INSERT INTO counts SELECT name, COUNT(*) AS events FROM events GROUP BY name
                """);

        JobMain.run(
                        new String[] {
                            "--job",
                            job.toString(),
                            "--tables",
                            tables.toString(),
                            "--backfill-from",
                            "2026-01-01T00:00:00Z",
                            "--backfill-to",
                            "2026-01-01T01:00:00Z"
                        },
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .await();

        assertThat(rows(dir.resolve("out"))).containsExactlyInAnyOrder("a,3", "b,2");
    }

    private static List<String> rows(Path out) throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .flatMap(
                            f -> {
                                try {
                                    return Files.readAllLines(f).stream();
                                } catch (IOException e) {
                                    throw new java.io.UncheckedIOException(e);
                                }
                            })
                    .filter(l -> !l.isBlank())
                    .toList();
        }
    }
}
