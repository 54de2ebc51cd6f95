package io.flotilla.formats;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.format.DecodingFormat;
import org.apache.flink.table.connector.format.EncodingFormat;
import org.apache.flink.table.connector.sink.DynamicTableSink;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.factories.DeserializationFormatFactory;
import org.apache.flink.table.factories.DynamicTableFactory;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.factories.SerializationFormatFactory;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;

/**
 * The shared part of the insert-only row formats' table factories: option validation, the shared
 * read options, and the decoding/encoding format wrappers around each format's schemas.
 */
public abstract class RowFormatFactory
        implements DeserializationFormatFactory, SerializationFormatFactory {
    /** Makes a format's row reader for one table; the row readers' constructors fit. */
    @FunctionalInterface
    protected interface Decoders {
        DeserializationSchema<RowData> create(
                RowType rowType,
                TypeInformation<RowData> producedType,
                boolean ignoreParseErrors,
                boolean failOnMissingField);
    }

    private final String identifier;
    private final Decoders decoders;
    private final Set<ConfigOption<?>> optionalOptions;

    /**
     * @param identifier the format's name in a table's 'format' option
     * @param decoders the format's row reader per table
     * @param ownOptions the options this format adds to the shared read options
     */
    protected RowFormatFactory(
            String identifier, Decoders decoders, Set<ConfigOption<?>> ownOptions) {
        this.identifier = identifier;
        this.decoders = decoders;
        Set<ConfigOption<?>> options = new HashSet<>(ownOptions);
        options.add(FormatOptions.IGNORE_PARSE_ERRORS);
        options.add(FormatOptions.FAIL_ON_MISSING_FIELD);
        this.optionalOptions = Set.copyOf(options);
    }

    /** Reads the format's write options now and returns how to make its row writer per table. */
    protected abstract Function<RowType, SerializationSchema<RowData>> encoders(
            ReadableConfig options);

    @Override
    public DecodingFormat<DeserializationSchema<RowData>> createDecodingFormat(
            DynamicTableFactory.Context context, ReadableConfig options) {
        FactoryUtil.validateFactoryOptions(this, options);
        boolean ignoreParseErrors = options.get(FormatOptions.IGNORE_PARSE_ERRORS);
        boolean failOnMissingField = options.get(FormatOptions.FAIL_ON_MISSING_FIELD);
        return new DecodingFormat<>() {
            @Override
            public DeserializationSchema<RowData> createRuntimeDecoder(
                    DynamicTableSource.Context ctx, DataType physicalDataType) {
                return decoders.create(
                        (RowType) physicalDataType.getLogicalType(),
                        ctx.createTypeInformation(physicalDataType),
                        ignoreParseErrors,
                        failOnMissingField);
            }

            @Override
            public ChangelogMode getChangelogMode() {
                return ChangelogMode.insertOnly();
            }
        };
    }

    @Override
    public EncodingFormat<SerializationSchema<RowData>> createEncodingFormat(
            DynamicTableFactory.Context context, ReadableConfig options) {
        FactoryUtil.validateFactoryOptions(this, options);
        Function<RowType, SerializationSchema<RowData>> encoders = encoders(options);
        return new EncodingFormat<>() {
            @Override
            public SerializationSchema<RowData> createRuntimeEncoder(
                    DynamicTableSink.Context ctx, DataType physicalDataType) {
                return encoders.apply((RowType) physicalDataType.getLogicalType());
            }

            @Override
            public ChangelogMode getChangelogMode() {
                return ChangelogMode.insertOnly();
            }
        };
    }

    @Override
    public String factoryIdentifier() {
        return identifier;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return optionalOptions;
    }

    @Override
    public Set<ConfigOption<?>> forwardOptions() {
        return optionalOptions();
    }
}
