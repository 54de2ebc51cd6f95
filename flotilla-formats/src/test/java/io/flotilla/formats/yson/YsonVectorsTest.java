package io.flotilla.formats.yson;

import static io.flotilla.formats.Schemas.hex;
import static io.flotilla.formats.Schemas.rowType;
import static io.flotilla.formats.Schemas.utf8;
import static io.flotilla.formats.Schemas.ysonReader;
import static io.flotilla.formats.Schemas.ysonWriter;
import static org.apache.flink.table.api.DataTypes.ARRAY;
import static org.apache.flink.table.api.DataTypes.BIGINT;
import static org.apache.flink.table.api.DataTypes.BOOLEAN;
import static org.apache.flink.table.api.DataTypes.DOUBLE;
import static org.apache.flink.table.api.DataTypes.FIELD;
import static org.apache.flink.table.api.DataTypes.INT;
import static org.apache.flink.table.api.DataTypes.MAP;
import static org.apache.flink.table.api.DataTypes.ROW;
import static org.apache.flink.table.api.DataTypes.STRING;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.formats.Rows;
import io.flotilla.formats.yson.YsonFormatOptions.Encoding;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.Test;

/** Fixed YSON vectors: hand-checked binary bytes and text forms from the YSON spec. */
class YsonVectorsTest {
    private static final RowType AB = rowType(FIELD("a", BIGINT()), FIELD("b", STRING()));

    @Test
    void binaryMapOfInt64AndStringIsTheSpecBytes() {
        // { 01 02 'a' = 02 02 ; 01 02 'b' = 01 02 'x' }: string marker, zigzag length 1 -> 02,
        // int64 marker, zigzag 1 -> 02.
        byte[] bytes =
                ysonWriter(AB, Encoding.BINARY)
                        .serialize(GenericRowData.of(1L, StringData.fromString("x")));
        assertThat(bytes).isEqualTo(hex("7B 01 02 61 3D 02 02 3B 01 02 62 3D 01 02 78 7D"));
    }

    @Test
    void binaryScalarsAreZigzagVarintsAndLittleEndianDoubles() {
        RowType t =
                rowType(
                        FIELD("i", BIGINT()),
                        FIELD("d", DOUBLE()),
                        FIELD("t", BOOLEAN()),
                        FIELD("f", BOOLEAN()));
        byte[] bytes =
                ysonWriter(t, Encoding.BINARY)
                        .serialize(GenericRowData.of(-150L, 1.5, true, false));
        // -150 -> zigzag 299 = 0x12B -> varint AB 02; 1.5 = 0x3FF8000000000000 little-endian.
        assertThat(bytes)
                .isEqualTo(
                        hex(
                                "7B 01 02 69 3D 02 AB 02 3B 01 02 64 3D 03 00 00 00 00 00 00 F8 3F 3B"
                                        + " 01 02 74 3D 05 3B 01 02 66 3D 04 7D"));
    }

    @Test
    void binaryUint64AndMultiByteLengthsRead() throws Exception {
        RowType t = rowType(FIELD("u", BIGINT()), FIELD("s", STRING()));
        String s = "y".repeat(200);
        // uint64 marker 06 with varint 300 = AC 02; string length 200 -> zigzag 400 = 90 03.
        byte[] head = hex("7B 01 02 75 3D 06 AC 02 3B 01 02 73 3D 01 90 03");
        byte[] record = new byte[head.length + 200 + 1];
        System.arraycopy(head, 0, record, 0, head.length);
        System.arraycopy(utf8(s), 0, record, head.length, 200);
        record[record.length - 1] = '}';
        assertThat(plain(t, record)).isEqualTo(List.of(300L, s));
    }

    @Test
    void textWriterWritesTheSpecSyntax() {
        RowType t =
                rowType(
                        FIELD("a", BIGINT()),
                        FIELD("b", STRING()),
                        FIELD("c", ARRAY(INT())),
                        FIELD("d", BOOLEAN()),
                        FIELD("e", DOUBLE()),
                        FIELD("odd key", STRING()));
        byte[] bytes =
                ysonWriter(t, Encoding.TEXT)
                        .serialize(
                                GenericRowData.of(
                                        1L,
                                        StringData.fromString("x\"\t\\\u0001é"),
                                        new GenericArrayData(new Integer[] {1, 2}),
                                        true,
                                        null,
                                        StringData.fromString("")));
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{a=1;b=\"x\\\"\\t\\\\\\x01é\";c=[1;2];d=%true;e=#;\"odd key\"=\"\"}");
    }

    @Test
    void textReaderAcceptsAttributesUnquotedStringsEscapesAndUnknownKeys() throws Exception {
        RowType t =
                rowType(
                        FIELD("a", BIGINT()),
                        FIELD("b", STRING()),
                        FIELD("c", ARRAY(INT())),
                        FIELD("d", BOOLEAN()),
                        FIELD("e", DOUBLE()),
                        FIELD("f g", STRING()),
                        FIELD("n", STRING()));
        String text =
                "<schema=[x;y];strict=%true> { a = 1u ; unknown = {x=[#;<y=2>3;1.5;%false]};"
                        + " b = some_id-1.2 ; c = [ 1 ; <q=1>2 ; ] ; d=%false; e=%-inf;"
                        + " \"f g\"=\"q\\\"\\t\\x41\\101\\n\"; n=#; } ;";
        assertThat(plain(t, utf8(text)))
                .isEqualTo(
                        java.util.Arrays.asList(
                                1L,
                                "some_id-1.2",
                                List.of(1, 2),
                                false,
                                Double.NEGATIVE_INFINITY,
                                "q\"\tAA\n",
                                null));
    }

    @Test
    void textNumbersCoverIntsUintsAndDoubleForms() throws Exception {
        RowType t =
                rowType(
                        FIELD("a", DOUBLE()),
                        FIELD("b", DOUBLE()),
                        FIELD("c", DOUBLE()),
                        FIELD("d", DOUBLE()),
                        FIELD("e", BIGINT()),
                        FIELD("f", BIGINT()));
        assertThat(
                        plain(
                                t,
                                utf8(
                                        "{a=1e3;b=-2.5;c=%nan;d=7;e=-9223372036854775808;f=9223372036854775807u}")))
                .isEqualTo(List.of(1000.0, -2.5, Double.NaN, 7.0, Long.MIN_VALUE, Long.MAX_VALUE));
    }

    @Test
    void binaryScalarsMayAppearInsideTextStructure() throws Exception {
        byte[] mixed = hex("7B 61 3D 02 54 3B 62 3D 22 7A 22 7D"); // {a=<int64 42>;b="z"}
        assertThat(plain(AB, mixed)).isEqualTo(List.of(42L, "z"));
    }

    @Test
    void mapsWithStringKeysAreYsonMapsOtherKeysAreListsOfPairs() throws Exception {
        RowType t =
                rowType(
                        FIELD("byName", MAP(STRING(), INT())),
                        FIELD("byId", MAP(INT(), STRING())),
                        FIELD("r", ROW(FIELD("x", INT()))));
        String text = "{byName={one=1;two=#};byId=[[1;\"a\"];[2;#]];r={x=5}}";
        assertThat(plain(t, utf8(text)))
                .isEqualTo(
                        List.of(
                                new java.util.HashMap<>(java.util.Map.of("one", 1)) {
                                    {
                                        put("two", null);
                                    }
                                },
                                new java.util.HashMap<>(Map.of(1, "a")) {
                                    {
                                        put(2, null);
                                    }
                                },
                                List.of(5)));
        byte[] written =
                ysonWriter(t, Encoding.TEXT)
                        .serialize(ysonReader(t, false, false).deserialize(utf8(text)));
        assertThat(plain(t, written)).isEqualTo(plain(t, utf8(text)));
    }

    private static Object plain(RowType t, byte[] record) throws Exception {
        return Rows.plain(t, ysonReader(t, false, false).deserialize(record));
    }
}
