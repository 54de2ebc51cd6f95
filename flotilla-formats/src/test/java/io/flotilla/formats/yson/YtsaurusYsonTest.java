package io.flotilla.formats.yson;

import static io.flotilla.formats.Schemas.hex;
import static io.flotilla.formats.Schemas.rowType;
import static io.flotilla.formats.Schemas.ysonReader;
import static org.apache.flink.table.api.DataTypes.ARRAY;
import static org.apache.flink.table.api.DataTypes.BIGINT;
import static org.apache.flink.table.api.DataTypes.BOOLEAN;
import static org.apache.flink.table.api.DataTypes.BYTES;
import static org.apache.flink.table.api.DataTypes.DECIMAL;
import static org.apache.flink.table.api.DataTypes.DOUBLE;
import static org.apache.flink.table.api.DataTypes.FIELD;
import static org.apache.flink.table.api.DataTypes.MAP;
import static org.apache.flink.table.api.DataTypes.STRING;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.formats.Rows;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.Test;

/** YSON as YTsaurus documents it (vectors/ytsaurus.yson) reads as the spec says. */
class YtsaurusYsonTest {
    private static final RowType T =
            rowType(
                    FIELD("s", STRING()),
                    FIELD("raw", BYTES()),
                    FIELD("i", BIGINT()),
                    FIELD("u", DECIMAL(20, 0)),
                    FIELD("d", DOUBLE()),
                    FIELD("b", BOOLEAN()),
                    FIELD("l", ARRAY(BIGINT())),
                    FIELD("m", MAP(STRING(), BIGINT())));

    @Test
    void everyDocumentedFormReadsAsTheSpecSays() throws Exception {
        int vectors = 0;
        for (String line : lines()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", 3);
            String record = parts[2];
            byte[] bytes =
                    record.startsWith("hex:")
                            ? hex(record.substring(4))
                            : record.getBytes(StandardCharsets.UTF_8);
            RowData row = ysonReader(T, false, false).deserialize(bytes);
            int column = T.getFieldNames().indexOf(parts[0]);
            List<?> plain = (List<?>) Rows.plain(T, row);
            assertThat(show(plain.get(column)))
                    .as("column %s of %s", parts[0], record)
                    .isEqualTo(parts[1].replace("\\t", "\t"));
            vectors++;
        }
        assertThat(vectors).isGreaterThanOrEqualTo(35);
    }

    private static String show(Object value) {
        if (value instanceof ByteBuffer b) {
            byte[] bytes = new byte[b.remaining()];
            b.duplicate().get(bytes);
            return HexFormat.of().formatHex(bytes);
        }
        if (value instanceof Map<?, ?> m) {
            return new TreeMap<>(m).toString();
        }
        return String.valueOf(value);
    }

    private static List<String> lines() throws Exception {
        try (InputStream in =
                YtsaurusYsonTest.class.getResourceAsStream("/vectors/ytsaurus.yson")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
