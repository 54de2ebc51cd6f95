package io.flotilla.formats.yson;

import io.flotilla.formats.RowFormatFactory;
import java.util.Set;
import java.util.function.Function;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/** The 'yson' table format: found by Flink through META-INF/services, like flink-json's factory. */
public final class YsonFormatFactory extends RowFormatFactory {
    public static final String IDENTIFIER = "yson";

    public YsonFormatFactory() {
        super(
                IDENTIFIER,
                YsonRowDataDeserializationSchema::new,
                Set.of(YsonFormatOptions.ENCODING));
    }

    @Override
    protected Function<RowType, SerializationSchema<RowData>> encoders(ReadableConfig options) {
        YsonFormatOptions.Encoding encoding = options.get(YsonFormatOptions.ENCODING);
        return rowType -> new YsonRowDataSerializationSchema(rowType, encoding);
    }
}
