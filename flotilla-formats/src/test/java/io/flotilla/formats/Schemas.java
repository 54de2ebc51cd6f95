package io.flotilla.formats;

import io.flotilla.formats.tskv.TskvRowDataDeserializationSchema;
import io.flotilla.formats.tskv.TskvRowDataSerializationSchema;
import io.flotilla.formats.yson.YsonFormatOptions.Encoding;
import io.flotilla.formats.yson.YsonRowDataDeserializationSchema;
import io.flotilla.formats.yson.YsonRowDataSerializationSchema;
import java.nio.charset.StandardCharsets;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;

/** Shorthands for building the formats' schemas in tests. */
public final class Schemas {
    private Schemas() {}

    public static RowType rowType(DataTypes.Field... fields) {
        DataType row = DataTypes.ROW(fields);
        return (RowType) row.getLogicalType();
    }

    public static YsonRowDataDeserializationSchema ysonReader(
            RowType t, boolean ignoreErrors, boolean failOnMissing) {
        return new YsonRowDataDeserializationSchema(
                t, InternalTypeInfo.of(t), ignoreErrors, failOnMissing);
    }

    public static YsonRowDataSerializationSchema ysonWriter(RowType t, Encoding encoding) {
        return new YsonRowDataSerializationSchema(t, encoding);
    }

    public static TskvRowDataDeserializationSchema tskvReader(
            RowType t, boolean ignoreErrors, boolean failOnMissing) {
        return new TskvRowDataDeserializationSchema(
                t, InternalTypeInfo.of(t), ignoreErrors, failOnMissing);
    }

    public static TskvRowDataSerializationSchema tskvWriter(RowType t) {
        return new TskvRowDataSerializationSchema(t, true);
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] hex(String hex) {
        String h = hex.replace(" ", "");
        byte[] out = new byte[h.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
