package io.flotilla.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.formats.tskv.TskvRowDataDeserializationSchema;
import io.flotilla.formats.tskv.TskvRowDataSerializationSchema;
import io.flotilla.formats.yson.YsonFormatOptions.Encoding;
import io.flotilla.formats.yson.YsonRowDataDeserializationSchema;
import io.flotilla.formats.yson.YsonRowDataSerializationSchema;
import java.io.IOException;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.RowType;

/** Writing a row then reading it back gives the same row, for every format and encoding. */
class RoundTripTest {

    @Provide
    Arbitrary<RandomRows.Case> cases() {
        return RandomRows.cases();
    }

    @Property(tries = 300)
    void tskvReadsBackWhatItWrote(@ForAll("cases") RandomRows.Case c) throws IOException {
        RowType t = c.type();
        assertRoundTrip(
                c,
                new TskvRowDataSerializationSchema(t, true),
                new TskvRowDataDeserializationSchema(t, InternalTypeInfo.of(t), false, false));
    }

    @Property(tries = 100)
    void tskvWithoutPrefixReadsBackWhatItWrote(@ForAll("cases") RandomRows.Case c)
            throws IOException {
        RowType t = c.type();
        assertRoundTrip(
                c,
                new TskvRowDataSerializationSchema(t, false),
                new TskvRowDataDeserializationSchema(t, InternalTypeInfo.of(t), false, false));
    }

    @Property(tries = 300)
    void textYsonReadsBackWhatItWrote(@ForAll("cases") RandomRows.Case c) throws IOException {
        RowType t = c.type();
        assertRoundTrip(
                c,
                new YsonRowDataSerializationSchema(t, Encoding.TEXT),
                new YsonRowDataDeserializationSchema(t, InternalTypeInfo.of(t), false, true));
    }

    @Property(tries = 300)
    void binaryYsonReadsBackWhatItWrote(@ForAll("cases") RandomRows.Case c) throws IOException {
        RowType t = c.type();
        assertRoundTrip(
                c,
                new YsonRowDataSerializationSchema(t, Encoding.BINARY),
                new YsonRowDataDeserializationSchema(t, InternalTypeInfo.of(t), false, true));
    }

    private static void assertRoundTrip(
            RandomRows.Case c,
            SerializationSchema<RowData> writer,
            DeserializationSchema<RowData> reader)
            throws IOException {
        for (GenericRowData row : c.rows()) {
            byte[] bytes = writer.serialize(row);
            RowData back = reader.deserialize(bytes);
            assertThat(Rows.plain(c.type(), back))
                    .as("record %s", new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(Rows.plain(c.type(), row));
        }
    }
}
