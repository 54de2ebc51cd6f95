package io.flotilla.formats;

import static io.flotilla.formats.Schemas.hex;
import static io.flotilla.formats.Schemas.rowType;
import static io.flotilla.formats.Schemas.tskvReader;
import static io.flotilla.formats.Schemas.utf8;
import static io.flotilla.formats.Schemas.ysonReader;
import static org.apache.flink.table.api.DataTypes.BIGINT;
import static org.apache.flink.table.api.DataTypes.DECIMAL;
import static org.apache.flink.table.api.DataTypes.DOUBLE;
import static org.apache.flink.table.api.DataTypes.FIELD;
import static org.apache.flink.table.api.DataTypes.FLOAT;
import static org.apache.flink.table.api.DataTypes.INT;
import static org.apache.flink.table.api.DataTypes.MAP;
import static org.apache.flink.table.api.DataTypes.ROW;
import static org.apache.flink.table.api.DataTypes.STRING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.formats.yson.YsonParser;
import io.flotilla.formats.yson.YsonRowDataDeserializationSchema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.concurrent.TimeUnit;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 9, "bad records never stop a job": each record here once escaped the format's own error
 * (stack overflow, index out of range, NumberFormatException, minutes of BigDecimal work, or a
 * record silently dropped); now each is a MalformedRecordException, or skipped and counted.
 */
class BadRecordsTest {
    private static final RowType ID = rowType(FIELD("id", BIGINT()));
    private static final int DEEP = 10_000; // 20 KB of brackets: far beyond the limit

    @Test
    void ysonDeeplyNestedUnknownValueIsRefusedAtTheDepthLimit() throws Exception {
        byte[] record = utf8("{id=1;x=" + "[".repeat(DEEP) + "]".repeat(DEEP) + "}");
        assertYsonFails(ID, record, 8 + YsonParser.MAX_DEPTH - 1, "nesting deeper than 256");
        assertThatThrownBy(() -> ysonReader(ID, false, false).deserialize(record))
                .isInstanceOfSatisfying(
                        MalformedRecordException.class, e -> assertThat(e.field()).isEqualTo("x"));
        assertSkippedAndCounted(ysonReader(ID, true, false), record);
    }

    @Test
    void ysonDeeplyNestedAttributesAreRefusedAtTheDepthLimit() throws Exception {
        byte[] record = utf8("{id=" + "<a=".repeat(DEEP) + "1" + ">".repeat(DEEP) + "1}");
        assertYsonFails(ID, record, 4 + 3L * (YsonParser.MAX_DEPTH - 1), "nesting deeper than 256");
        assertSkippedAndCounted(ysonReader(ID, true, false), record);
    }

    @Test
    void nestingUpToTheLimitIsRead() throws Exception {
        int levels = YsonParser.MAX_DEPTH - 1; // the record's map is the first level
        byte[] record = utf8("{x=" + "[".repeat(levels) + "]".repeat(levels) + ";id=7}");
        assertThat(ysonReader(ID, false, false).deserialize(record).getLong(0)).isEqualTo(7L);
    }

    @Test
    void tskvDeeplyNestedValueIsRefusedAtTheDepthLimit() throws Exception {
        RowType t = rowType(FIELD("r", ROW(FIELD("a", INT()))));
        String line = "tskv\tr={x=" + "{k=".repeat(DEEP) + "1" + "}".repeat(DEEP) + "}";
        assertThatThrownBy(() -> tskvReader(t, false, false).deserialize(utf8(line)))
                .isInstanceOfSatisfying(
                        MalformedRecordException.class, e -> assertThat(e.field()).isEqualTo("r.x"))
                .hasMessageContaining("Malformed TSKV record at byte")
                .hasMessageContaining("nesting deeper than 256");
        assertSkippedAndCounted(tskvReader(t, true, false), utf8(line));
    }

    @Test
    void ysonRecordCutWhereAnIntegerIsDueNamesTheEnd() throws Exception {
        assertYsonFails(ID, hex("7B 01 04 69 64 3D"), 6, "expected an integer, got end of input");
        assertYsonFails(ID, utf8("{id="), 4, "expected an integer, got end of input");
        assertSkippedAndCounted(ysonReader(ID, true, false), utf8("{id="));
    }

    @Test
    void tskvNestedValueCutWhereAnIntegerIsDueNamesTheEndOfTheValue() {
        RowType t = rowType(FIELD("r", ROW(FIELD("a", INT()))), FIELD("s", STRING()));
        // Values are unescaped into one scratch buffer: the earlier, longer value leaves an
        // int64 marker just past the end of the nested value.
        assertThatThrownBy(
                        () ->
                                tskvReader(t, false, false)
                                        .deserialize(utf8("s=\\tbcd\u0002\u0001\tr={a=\\t")))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("expected an integer, got end of input");
    }

    @Test
    void ysonInfinityAndNanIntoADecimalAreRefused() throws Exception {
        RowType t = rowType(FIELD("d", DECIMAL(10, 2)));
        assertYsonFails(t, utf8("{d=%inf}"), 3, "a DECIMAL cannot hold nan or infinity");
        assertYsonFails(t, utf8("{d=%nan}"), 3, "a DECIMAL cannot hold nan or infinity");
        assertSkippedAndCounted(ysonReader(t, true, false), utf8("{d=%-inf}"));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void hugeDecimalExponentsAreRefusedOrRoundedWithoutBigIntegerWork() throws Exception {
        RowType t = rowType(FIELD("d", DECIMAL(38, 10)));
        assertYsonFails(t, utf8("{d=\"1e99999999\"}"), 3, "fits DECIMAL(38, 10)");
        assertThatThrownBy(() -> tskvReader(t, false, false).deserialize(utf8("d=1e99999999")))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("field 'd'");
        var tiny = tskvReader(t, false, false).deserialize(utf8("d=1e-99999999"));
        assertThat(tiny.getDecimal(0, 38, 10).toBigDecimal().signum()).isZero();
        assertSkippedAndCounted(ysonReader(t, true, false), utf8("{d=\"-1E+2147483647\"}"));
    }

    @Test
    void ysonRecordThatIsAnEntityWithAttributesIsRefusedNotDropped() throws Exception {
        assertYsonFails(ID, utf8("<a=1>#"), 5, "the record is an entity");
        YsonRowDataDeserializationSchema reader = ysonReader(ID, true, false);
        assertSkippedAndCounted(reader, utf8("<a=1>#"));
    }

    @Test
    void ysonDuplicateKeysAreRefusedNamingTheKey() {
        RowType t = rowType(FIELD("id", BIGINT()), FIELD("m", MAP(STRING(), INT())));
        assertYsonFails(t, utf8("{id=1;id=2}"), 6, "duplicate key 'id'");
        assertYsonFails(t, utf8("{id=1;x=1;x=2}"), 10, "duplicate key 'x'");
        assertYsonFails(t, utf8("{m={a=1;a=2}}"), 8, "duplicate key 'a'");
        assertYsonFails(t, utf8("{id=1;m={\"\"=1;\"\"=2}}"), 14, "duplicate key ''");
        // Escaped keys live in the parser's scratch buffer; many keys go through a hash set.
        assertYsonFails(t, utf8("{\"a\\n\"=1;\"a\\n\"=2}"), 9, "duplicate key 'a\\x0a'");
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 40; i++) {
            many.append("k").append(i).append("=1;");
        }
        String record = many + "k17=2}";
        assertYsonFails(t, utf8(record), record.length() - 6, "duplicate key 'k17'");
    }

    @Test
    void ysonDuplicateKeysAreRefusedInRowsWiderThan64Columns() throws Exception {
        DataTypes.Field[] fields = new DataTypes.Field[70];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = FIELD("c" + i, INT());
        }
        RowType wide = rowType(fields);
        assertYsonFails(wide, utf8("{c0=1;c69=2;c69=3}"), 12, "duplicate key 'c69'");
        assertThat(ysonReader(wide, false, false).deserialize(utf8("{c69=2;c0=1}")).getInt(69))
                .isEqualTo(2);
        assertThatThrownBy(() -> ysonReader(wide, false, true).deserialize(utf8("{c69=2}")))
                .isInstanceOfSatisfying(
                        MalformedRecordException.class, e -> assertThat(e.field()).isEqualTo("c0"));
    }

    @Test
    void ysonOverlongVarintsAreRefused() {
        // 11 bytes, and 10 bytes whose last one carries bits beyond 64.
        assertYsonFails(
                ID,
                hex("7B 01 04 69 64 3D 02 FF FF FF FF FF FF FF FF FF 81 01 7D"),
                7,
                "varint longer than 10 bytes");
        assertYsonFails(
                ID,
                hex("7B 01 04 69 64 3D 02 FF FF FF FF FF FF FF FF FF 7F 7D"),
                7,
                "varint overflows 64 bits");
    }

    @Test
    void uint64IntoDoubleAndFloatIsRoundedOnce() throws Exception {
        RowType t = rowType(FIELD("d", DOUBLE()), FIELD("f", FLOAT()));
        // 2^64 - 2^12 + 2^10 + 1: just above the midpoint between two doubles; rounding the
        // halved value first lands on a midpoint and then rounds (to even) the wrong way.
        BigInteger v =
                BigInteger.ONE
                        .shiftLeft(64)
                        .subtract(BigInteger.ONE.shiftLeft(12))
                        .add(BigInteger.ONE.shiftLeft(10))
                        .add(BigInteger.ONE);
        String text = "{d=" + v + "u;f=" + v + "u}";
        var row = ysonReader(t, false, false).deserialize(utf8(text));
        assertThat(row.getDouble(0)).isEqualTo(new BigDecimal(v).doubleValue());
        assertThat(row.getFloat(1)).isEqualTo(new BigDecimal(v).floatValue());
        // int64 into FLOAT: one rounding from long, not long -> double -> float.
        long l = (1L << 60) + (1L << 36) + 1; // float midpoint + 1: double rounding loses the 1
        var row2 = ysonReader(t, false, false).deserialize(utf8("{f=" + l + "}"));
        assertThat(row2.getFloat(1)).isEqualTo((float) l);
    }

    private static void assertSkippedAndCounted(RowDeserializationSchema reader, byte[] record)
            throws Exception {
        long before = reader.skippedRecords();
        assertThat(reader.deserialize(record)).isNull();
        assertThat(reader.skippedRecords()).isEqualTo(before + 1);
    }

    private static void assertYsonFails(RowType t, byte[] record, long offset, String problem) {
        assertThatThrownBy(() -> ysonReader(t, false, false).deserialize(record))
                .isInstanceOfSatisfying(
                        MalformedRecordException.class,
                        e -> assertThat(e.offset()).isEqualTo(offset))
                .hasMessageContaining("Malformed YSON record at byte " + offset)
                .hasMessageContaining(problem);
    }
}
