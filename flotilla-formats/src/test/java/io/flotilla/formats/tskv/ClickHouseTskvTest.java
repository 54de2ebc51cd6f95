package io.flotilla.formats.tskv;

import static io.flotilla.formats.Schemas.rowType;
import static io.flotilla.formats.Schemas.tskvReader;
import static io.flotilla.formats.Schemas.tskvWriter;
import static org.apache.flink.table.api.DataTypes.BIGINT;
import static org.apache.flink.table.api.DataTypes.BOOLEAN;
import static org.apache.flink.table.api.DataTypes.DATE;
import static org.apache.flink.table.api.DataTypes.DECIMAL;
import static org.apache.flink.table.api.DataTypes.DOUBLE;
import static org.apache.flink.table.api.DataTypes.FIELD;
import static org.apache.flink.table.api.DataTypes.FLOAT;
import static org.apache.flink.table.api.DataTypes.STRING;
import static org.apache.flink.table.api.DataTypes.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.Test;

/**
 * TSKV as ClickHouse writes it ({@code FORMAT TSKV}: TabSeparated escaping, {@code \N} for NULL,
 * {@code inf}/{@code nan}, {@code \=} in keys) reads correctly, and what the writer writes reads
 * back under ClickHouse's unescaping rules (ported below from its ReadHelpers).
 */
class ClickHouseTskvTest {
    /** The columns of ClickHouse's table, as Flink types. */
    private static final RowType T =
            rowType(
                    FIELD("id", BIGINT()),
                    FIELD("s", STRING()),
                    FIELD("n", STRING()),
                    FIELD("f", DOUBLE()),
                    FIELD("g", FLOAT()),
                    FIELD("d", DATE()),
                    FIELD("dt", TIMESTAMP(0)),
                    FIELD("dt64", TIMESTAMP(3)),
                    FIELD("dec", DECIMAL(10, 2)),
                    FIELD("b", BOOLEAN()),
                    FIELD("k=ey", STRING()));

    @Test
    void readsWhatClickHouseWrites() throws Exception {
        List<RowData> rows = new ArrayList<>();
        List<byte[]> lines = lines("/vectors/clickhouse.tskv");
        for (int i = 0; i < lines.size(); i++) {
            // The first three lines have every column (\N counts as present), the last does not.
            rows.add(tskvReader(T, false, i < 3).deserialize(lines.get(i)));
        }
        RowData r1 = rows.get(0);
        assertThat(r1.getString(1).toString()).isEqualTo("tab\there\nnew\\back'q\bbs\fff\0nul");
        assertThat(r1.isNullAt(2)).isTrue();
        assertThat(r1.getDouble(3)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(r1.getFloat(4)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(r1.getInt(5)).isEqualTo((int) LocalDate.parse("2024-05-31").toEpochDay());
        assertThat(r1.getTimestamp(6, 0).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2024-05-31T12:30:00"));
        assertThat(r1.getTimestamp(7, 3).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2024-05-31T12:30:00.123"));
        assertThat(r1.getDecimal(8, 10, 2).toBigDecimal()).isEqualTo(new BigDecimal("12.50"));
        assertThat(r1.getBoolean(9)).isTrue();
        assertThat(r1.getString(10).toString()).isEqualTo("v=w");

        RowData r2 = rows.get(1);
        assertThat(r2.getString(1).toString()).isEmpty();
        assertThat(r2.getString(2).toString()).isEqualTo("\\N"); // an escaped backslash
        assertThat(r2.getDouble(3)).isNaN();
        assertThat(r2.getDecimal(8, 10, 2).toBigDecimal()).isEqualTo(new BigDecimal("-0.01"));
        assertThat(r2.getString(10).toString()).isEmpty();

        RowData r3 = rows.get(2);
        assertThat(r3.getString(1).toString()).isEqualTo("Привет");
        assertThat(r3.getDouble(3)).isEqualTo(1e100);
        assertThat(r3.getFloat(4)).isEqualTo(Float.MAX_VALUE);
        assertThat(r3.getTimestamp(7, 3).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2299-12-31T23:59:59.999"));
        assertThat(r3.getString(10).toString()).isEqualTo("A\u001b");

        RowData r4 = rows.get(3);
        assertThat(r4.getDouble(3)).isNaN();
        assertThat(r4.getFloat(4)).isEqualTo(-0.0f);
        assertThat(r4.getString(1).toString()).isEqualTo("\\N");
    }

    @Test
    void writesFloatsAsClickHouseDoes() {
        RowType t = rowType(FIELD("f", DOUBLE()), FIELD("g", FLOAT()), FIELD("h", DOUBLE()));
        byte[] line =
                tskvWriter(t)
                        .serialize(GenericRowData.of(Double.NaN, Float.POSITIVE_INFINITY, -1e300));
        assertThat(new String(line, StandardCharsets.UTF_8))
                .isEqualTo("tskv\tf=nan\tg=inf\th=-1.0E300");
        byte[] negative =
                tskvWriter(t).serialize(GenericRowData.of(Double.NEGATIVE_INFINITY, null, null));
        assertThat(new String(negative, StandardCharsets.UTF_8)).isEqualTo("tskv\tf=-inf");
    }

    @Test
    void everyStringTheWriterWritesReadsBackUnderClickHouseRules() {
        SplittableRandom random = new SplittableRandom(0xC1C4L);
        String specials = "\t\n\r\0\b\f\\='\"Nx \u0007\u001bй";
        for (int i = 0; i < 2000; i++) {
            String key = "k" + randomString(random, specials); // Flink wants a visible name
            String value = randomString(random, specials);
            RowType t = rowType(FIELD(key, STRING()));
            byte[] line = tskvWriter(t).serialize(GenericRowData.of(StringData.fromString(value)));
            Map<String, String> read = ClickHouseRules.read(line);
            assertThat(read).containsExactly(Map.entry(key, value));
        }
    }

    private static String randomString(SplittableRandom random, String specials) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(8);
        for (int i = 0; i < n; i++) {
            s.append(
                    random.nextBoolean()
                            ? specials.charAt(random.nextInt(specials.length()))
                            : (char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    private static List<byte[]> lines(String resource) throws IOException {
        try (InputStream in = ClickHouseTskvTest.class.getResourceAsStream(resource)) {
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<byte[]> out = new ArrayList<>();
            for (String line : all.split("\n")) {
                out.add(line.getBytes(StandardCharsets.UTF_8));
            }
            return out;
        }
    }

    /** ClickHouse's TSKV input rules: fields split on tab, key to the first unescaped '='. */
    static final class ClickHouseRules {
        static Map<String, String> read(byte[] line) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String field : new String(line, StandardCharsets.UTF_8).split("\t", -1)) {
                if (field.equals("tskv")) {
                    continue;
                }
                int eq = unescapedEquals(field);
                fields.put(unescape(field.substring(0, eq)), unescape(field.substring(eq + 1)));
            }
            return fields;
        }

        private static int unescapedEquals(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) == '\\') {
                    i++;
                } else if (s.charAt(i) == '=') {
                    return i;
                }
            }
            throw new AssertionError("no '=' in " + s);
        }

        /** readEscapedString: \xHH, \N as nothing, else parseEscapeSequence. */
        static String unescape(String s) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = s.charAt(++i);
                switch (e) {
                    case 'x' -> {
                        out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                        i += 2;
                    }
                    case 'N' -> {}
                    case 'a' -> out.append('\u0007');
                    case 'b' -> out.append('\b');
                    case 'e' -> out.append('\u001b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'v' -> out.append('\u000b');
                    case '0' -> out.append('\0');
                    default -> out.append(e);
                }
            }
            return out.toString();
        }
    }
}
