package io.flotilla.formats.tskv;

import static io.flotilla.formats.Schemas.rowType;
import static io.flotilla.formats.Schemas.tskvReader;
import static io.flotilla.formats.Schemas.tskvWriter;
import static io.flotilla.formats.Schemas.utf8;
import static org.apache.flink.table.api.DataTypes.ARRAY;
import static org.apache.flink.table.api.DataTypes.BOOLEAN;
import static org.apache.flink.table.api.DataTypes.BYTES;
import static org.apache.flink.table.api.DataTypes.DATE;
import static org.apache.flink.table.api.DataTypes.DECIMAL;
import static org.apache.flink.table.api.DataTypes.FIELD;
import static org.apache.flink.table.api.DataTypes.INT;
import static org.apache.flink.table.api.DataTypes.MAP;
import static org.apache.flink.table.api.DataTypes.STRING;
import static org.apache.flink.table.api.DataTypes.TIMESTAMP;
import static org.apache.flink.table.api.DataTypes.TIMESTAMP_LTZ;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.formats.Rows;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.Test;

/** Fixed TSKV vectors: every escape, the optional prefix, unknown keys, and each value type. */
class TskvVectorsTest {
    private static final RowType ESCAPES =
            rowType(FIELD("id", INT()), FIELD("msg", STRING()), FIELD("k=ey", STRING()));
    private static final String ESCAPED = "tskv\tid=1\tmsg=a\\tb\\nc\\rd\\\\e\\0f\tk\\=ey=v=w";
    private static final String RAW = "a\tb\nc\rd\\e\0f";

    @Test
    void writerEscapesTabNewlineCarriageReturnBackslashNulAndEqualsInKeys() {
        byte[] line =
                tskvWriter(ESCAPES)
                        .serialize(
                                GenericRowData.of(
                                        1,
                                        StringData.fromString(RAW),
                                        StringData.fromString("v=w")));
        assertThat(new String(line, StandardCharsets.UTF_8)).isEqualTo(ESCAPED);
    }

    @Test
    void readerUnescapesAndIgnoresUnknownKeysEmptyFieldsAndTheLineEnd() throws Exception {
        String line = ESCAPED + "\tunknown=zzz\t\tother\\=key=1\r\n";
        assertThat(plain(ESCAPES, line)).isEqualTo(List.of(1, RAW, "v=w"));
    }

    @Test
    void prefixIsOptionalAndKeysMayComeInAnyOrder() throws Exception {
        assertThat(plain(ESCAPES, "k\\=ey=z\tid=2")).isEqualTo(Arrays.asList(2, null, "z"));
    }

    @Test
    void unknownEscapesKeepTheirBackslash() throws Exception {
        assertThat(plain(ESCAPES, "msg=c:\\q\\")).isEqualTo(Arrays.asList(null, "c:\\q\\", null));
    }

    @Test
    void emptyValueIsEmptyStringForStringsAndNullOtherwise() throws Exception {
        assertThat(plain(ESCAPES, "tskv\tid=\tmsg=")).isEqualTo(Arrays.asList(null, "", null));
    }

    @Test
    void typedValuesUseIsoTextPlainDecimalsBase64AndTextYsonForNestedValues() throws Exception {
        RowType t =
                rowType(
                        FIELD("b", BOOLEAN()),
                        FIELD("d", DECIMAL(6, 2)),
                        FIELD("day", DATE()),
                        FIELD("ts", TIMESTAMP(3)),
                        FIELD("ltz", TIMESTAMP_LTZ(3)),
                        FIELD("bin", BYTES()),
                        FIELD("arr", ARRAY(INT())),
                        FIELD("m", MAP(STRING(), INT())));
        String line =
                "tskv\tb=true\td=12.34\tday=2024-05-31\tts=2024-05-31T12:30:00.123"
                        + "\tltz=2024-05-31T12:30:00.123Z\tbin=AQID\tarr=[1;2]\tm={\"k\"=1}";
        assertThat(plain(t, line))
                .isEqualTo(
                        List.of(
                                true,
                                new BigDecimal("12.34"),
                                (int) LocalDate.parse("2024-05-31").toEpochDay(),
                                TimestampData.fromLocalDateTime(
                                        LocalDateTime.parse("2024-05-31T12:30:00.123")),
                                TimestampData.fromInstant(
                                        Instant.parse("2024-05-31T12:30:00.123Z")),
                                ByteBuffer.wrap(new byte[] {1, 2, 3}),
                                List.of(1, 2),
                                Map.of("k", 1)));
        byte[] written =
                tskvWriter(t).serialize(tskvReader(t, false, false).deserialize(utf8(line)));
        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(line);
    }

    private static Object plain(RowType t, String line) throws Exception {
        return Rows.plain(t, tskvReader(t, false, false).deserialize(utf8(line)));
    }
}
