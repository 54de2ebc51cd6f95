package io.flotilla.formats.tskv;

import io.flotilla.formats.RowFormatFactory;
import java.util.Set;
import java.util.function.Function;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/** The 'tskv' table format: found by Flink through META-INF/services, like flink-json's factory. */
public final class TskvFormatFactory extends RowFormatFactory {
    public static final String IDENTIFIER = "tskv";

    public TskvFormatFactory() {
        super(
                IDENTIFIER,
                TskvRowDataDeserializationSchema::new,
                Set.of(TskvFormatOptions.WRITE_PREFIX));
    }

    @Override
    protected Function<RowType, SerializationSchema<RowData>> encoders(ReadableConfig options) {
        boolean writePrefix = options.get(TskvFormatOptions.WRITE_PREFIX);
        return rowType -> new TskvRowDataSerializationSchema(rowType, writePrefix);
    }
}
