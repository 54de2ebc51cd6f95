package io.flotilla.dsl.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs DSL jobs through {@link JobMain} on Flink's own local executor (a real Flink runtime in this
 * JVM), from bounded generated clicks to files, and reads what they wrote.
 */
class JobMainITCase {

    @TempDir Path out;

    @Test
    void javaJobWithADataStreamStepRunsAndWritesEveryRow() throws Exception {
        Path tables = sinkOverride("discard", "user_id INT", "url STRING");
        run(
                "--job", "io.flotilla.dsl.job.TestingJobs$RunningCount",
                "--tables", "src/test/resources/bounded-tables",
                "--tables", tables.toString());

        List<String> rows = rows(out.resolve("discard"));
        assertThat(rows).hasSize(200);
        // The keyed process numbers each user's clicks 1, 2, 3, ...
        assertThat(rows).anyMatch(r -> r.endsWith(",1"));
    }

    @Test
    void yamlJobRunsItsWindowAggregateAndItsSecondSink() throws Exception {
        Path tables = sinkOverride("discard", "user_id INT", "url STRING");
        Files.writeString(
                tables.resolve("counts.yaml"),
                """
                name: click_counts
                connector: filesystem
                location: %s
                format: csv
                columns:
                  - {name: window_start, type: TIMESTAMP(3)}
                  - {name: user_id, type: INT}
                  - {name: clicks, type: BIGINT}
                """
                        .formatted(out.resolve("counts").toUri()));
        run(
                "--job", "src/test/resources/jobs/click-stats.yaml",
                "--tables", "src/test/resources/bounded-tables",
                "--tables", tables.toString(),
                "--window-seconds", "3600");

        assertThat(rows(out.resolve("discard"))).hasSize(200);
        long total =
                rows(out.resolve("counts")).stream()
                        .mapToLong(r -> Long.parseLong(r.substring(r.lastIndexOf(',') + 1)))
                        .sum();
        assertThat(total).isEqualTo(200);
    }

    @Test
    void jobRunsFromItsCompiledPlanAlignedToThePreviousVersionAndSavesIt() throws Exception {
        Path tables = sinkOverride("discard", "user_id INT", "url STRING");
        Path v1 = out.resolve("plans/v1.json");
        Path v2 = out.resolve("plans/v2.json");
        run(
                "--job",
                "src/test/resources/jobs/click-stats.yaml",
                "--tables",
                "src/test/resources/bounded-tables",
                "--tables",
                tables.toString(),
                "--save-plan",
                v1.toString());
        assertThat(rows(out.resolve("discard"))).hasSize(200);

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        JobMain.run(
                        new String[] {
                            "--job", "src/test/resources/jobs/click-stats.yaml",
                            "--tables", "src/test/resources/bounded-tables",
                            "--tables", tables.toString(),
                            "--previous-plan", v1.toString(),
                            "--save-plan", v2.toString()
                        },
                        new PrintStream(printed, true, StandardCharsets.UTF_8))
                .await();
        assertThat(rows(out.resolve("discard"))).hasSize(400);
        assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("warning:");
        // The same job aligned to its own plan keeps every node's id: the same plan again.
        assertThat(Files.readString(v2)).isEqualTo(Files.readString(v1));
    }

    private static void run(String... args) throws Exception {
        JobMain.run(
                        args,
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .await();
    }

    private Path sinkOverride(String name, String... columns) throws IOException {
        Path dir = Files.createDirectories(out.resolve("tables"));
        StringBuilder yaml =
                new StringBuilder("name: " + name + "\nconnector: filesystem\n")
                        .append("location: ")
                        .append(out.resolve(name).toUri())
                        .append("\nformat: csv\ncolumns:\n");
        for (String c : columns) {
            String[] parts = c.split(" ", 2);
            yaml.append("  - {name: ")
                    .append(parts[0])
                    .append(", type: ")
                    .append(parts[1])
                    .append("}\n");
        }
        Files.writeString(dir.resolve(name + ".yaml"), yaml);
        return dir;
    }

    private static List<String> rows(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .flatMap(JobMainITCase::lines)
                    .filter(l -> !l.isBlank())
                    .toList();
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
