package io.flotilla.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real Flink SQL through the formats, found by 'format' = 'tskv' | 'yson' via SPI. */
class FormatsSqlTest {
    private static final String COLUMNS =
            "id INT, name STRING, cost DECIMAL(10, 2), tags ARRAY<STRING>,"
                    + " address ROW<city STRING, zip INT>, ts TIMESTAMP(3)";

    @TempDir Path dir;
    private TableEnvironment tEnv;

    @BeforeEach
    void localTableEnvironment() {
        tEnv = TableEnvironment.create(EnvironmentSettings.newInstance().inBatchMode().build());
        tEnv.getConfig().set("parallelism.default", "1");
    }

    @Test
    void tskvFileIsFilteredIntoYsonAndReadBack() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(
                in.resolve("orders.tskv"),
                String.join(
                        "\n",
                        "tskv\tid=1\tname=Ann\\tLee\tcost=12.50\ttags=[\"a\";\"b\"]"
                                + "\taddress={city=Oslo;zip=150}\tts=2024-05-31T12:30:00.123",
                        "tskv\tid=2\tname=Bob\tcost=3.00\tunknown=ignored",
                        "tskv\tid=3\tname=Cy\\=\\\\\tcost=99.99\taddress={city=\"Rome\";zip=#}",
                        ""),
                StandardCharsets.UTF_8);
        tEnv.executeSql(table("src", in, "tskv", ""));
        tEnv.executeSql(table("dst", dir.resolve("out"), "yson", ""));

        tEnv.executeSql("INSERT INTO dst SELECT * FROM src WHERE cost > 10").await();

        assertThat(readAll(dir.resolve("out")).split("\n"))
                .containsExactly(
                        "{id=1;name=\"Ann\\tLee\";cost=\"12.50\";tags=[\"a\";\"b\"];"
                                + "address={city=\"Oslo\";zip=150};ts=\"2024-05-31T12:30:00.123\"}",
                        "{id=3;name=\"Cy=\\\\\";cost=\"99.99\";tags=#;"
                                + "address={city=\"Rome\";zip=#};ts=#}");
        assertThat(collect("SELECT id, name, cost, tags, address.city, ts FROM dst ORDER BY id"))
                .containsExactly(
                        "+I[1, Ann\tLee, 12.50, [a, b], Oslo, 2024-05-31T12:30:00.123]",
                        "+I[3, Cy=\\, 99.99, null, Rome, null]");
    }

    @Test
    void badLinesAreSkippedWhenIgnoringParseErrors() throws Exception {
        Path in = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(
                in.resolve("orders.tskv"),
                "tskv\tid=1\tcost=1.00\ntskv\tid=oops\ntskv\tid=3\tcost=abc\ntskv\tid=4\n");
        tEnv.executeSql(table("src", in, "tskv", ", 'tskv.ignore-parse-errors' = 'true'"));

        assertThat(collect("SELECT id FROM src")).containsExactly("+I[1]", "+I[4]");
    }

    @Test
    void badLineFailsTheQueryWithOffsetAndField() throws Exception {
        Path in = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(in.resolve("orders.tskv"), "tskv\tid=1\ntskv\tid=oops\n");
        tEnv.executeSql(table("src", in, "tskv", ""));

        assertThatThrownBy(() -> collect("SELECT id FROM src"))
                .hasStackTraceContaining(
                        "Malformed TSKV record at byte 8, field 'id': expected an integer");
    }

    @Test
    void badEncodingIsRefusedAtPlanningWithTheOptionAndItsValues() {
        tEnv.executeSql(table("src", dir.resolve("a"), "tskv", ""));
        tEnv.executeSql(table("dst", dir.resolve("b"), "yson", ", 'yson.encoding' = 'jpeg'"));

        assertThatThrownBy(() -> tEnv.explainSql("INSERT INTO dst SELECT * FROM src"))
                .hasStackTraceContaining("yson.encoding")
                .hasStackTraceContaining("jpeg");
    }

    private static String table(String name, Path path, String format, String extra) {
        return "CREATE TABLE "
                + name
                + " ("
                + COLUMNS
                + ") WITH ('connector' = 'filesystem', 'path' = '"
                + path.toUri()
                + "', 'format' = '"
                + format
                + "'"
                + extra
                + ")";
    }

    private List<String> collect(String query) throws Exception {
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = tEnv.executeSql(query).collect()) {
            it.forEachRemaining(r -> rows.add(r.toString()));
        }
        return rows;
    }

    private static String readAll(Path folder) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                if (!f.getFileName().toString().startsWith(".")) {
                    all.append(Files.readString(f, StandardCharsets.UTF_8));
                }
            }
        }
        return all.toString();
    }
}
