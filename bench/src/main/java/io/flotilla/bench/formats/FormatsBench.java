package io.flotilla.bench.formats;

import io.flotilla.formats.tskv.TskvRowDataDeserializationSchema;
import io.flotilla.formats.tskv.TskvRowDataSerializationSchema;
import io.flotilla.formats.yson.YsonFormatOptions;
import io.flotilla.formats.yson.YsonRowDataDeserializationSchema;
import io.flotilla.formats.yson.YsonRowDataSerializationSchema;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.formats.common.TimestampFormat;
import org.apache.flink.formats.json.JsonFormatOptions;
import org.apache.flink.formats.json.JsonParserRowDataDeserializationSchema;
import org.apache.flink.formats.json.JsonRowDataDeserializationSchema;
import org.apache.flink.formats.json.JsonRowDataSerializationSchema;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decode and encode throughput of TSKV, binary YSON and text YSON against flink-json on the same
 * rows and schema; one operation is one record. Run by bench/formats.sh.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FormatsBench {
    static final int ROWS = BenchRows.COUNT;

    /** flat: scalars only; nested: plus ARRAY, MAP and ROW columns. */
    @Param({"flat", "nested"})
    public String schema;

    private List<RowData> rows;
    private byte[][] tskv;
    private byte[][] ysonBinary;
    private byte[][] ysonText;
    private byte[][] json;

    private DeserializationSchema<RowData> tskvReader;
    private DeserializationSchema<RowData> ysonReader;
    private DeserializationSchema<RowData> jsonTreeReader;
    private DeserializationSchema<RowData> jsonParserReader;
    private SerializationSchema<RowData> tskvWriter;
    private SerializationSchema<RowData> ysonBinaryWriter;
    private SerializationSchema<RowData> ysonTextWriter;
    private SerializationSchema<RowData> jsonWriter;

    @Setup
    public void setUp() throws Exception {
        RowType type = BenchRows.type(schema);
        rows = BenchRows.rows(type);
        InternalTypeInfo<RowData> info = InternalTypeInfo.of(type);

        tskvReader = open(new TskvRowDataDeserializationSchema(type, info, false, false));
        ysonReader = open(new YsonRowDataDeserializationSchema(type, info, false, false));
        jsonTreeReader =
                open(
                        new JsonRowDataDeserializationSchema(
                                type, info, false, false, TimestampFormat.ISO_8601));
        jsonParserReader =
                open(
                        new JsonParserRowDataDeserializationSchema(
                                type, info, false, false, TimestampFormat.ISO_8601));
        tskvWriter = open(new TskvRowDataSerializationSchema(type, true));
        ysonBinaryWriter =
                open(new YsonRowDataSerializationSchema(type, YsonFormatOptions.Encoding.BINARY));
        ysonTextWriter =
                open(new YsonRowDataSerializationSchema(type, YsonFormatOptions.Encoding.TEXT));
        jsonWriter =
                open(
                        new JsonRowDataSerializationSchema(
                                type,
                                TimestampFormat.ISO_8601,
                                JsonFormatOptions.MapNullKeyMode.FAIL,
                                "null",
                                true,
                                false));

        tskv = encodeAll(tskvWriter);
        ysonBinary = encodeAll(ysonBinaryWriter);
        ysonText = encodeAll(ysonTextWriter);
        json = encodeAll(jsonWriter);
        BenchRows.checkSameRows(type, rows, tskvReader, tskv);
        BenchRows.checkSameRows(type, rows, ysonReader, ysonBinary);
        BenchRows.checkSameRows(type, rows, ysonReader, ysonText);
        BenchRows.checkSameRows(type, rows, jsonParserReader, json);
        BenchRows.checkSameRows(type, rows, jsonTreeReader, json);
    }

    private byte[][] encodeAll(SerializationSchema<RowData> writer) {
        byte[][] out = new byte[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = writer.serialize(rows.get(i));
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void decodeTskv(Blackhole bh) throws Exception {
        decode(tskvReader, tskv, bh);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void decodeYsonBinary(Blackhole bh) throws Exception {
        decode(ysonReader, ysonBinary, bh);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void decodeYsonText(Blackhole bh) throws Exception {
        decode(ysonReader, ysonText, bh);
    }

    /** flink-json as 'format' = 'json' runs it by default (decode.json-parser.enabled = true). */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void decodeJson(Blackhole bh) throws Exception {
        decode(jsonParserReader, json, bh);
    }

    /** flink-json's JsonNode-tree decoder (decode.json-parser.enabled = false). */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void decodeJsonTree(Blackhole bh) throws Exception {
        decode(jsonTreeReader, json, bh);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void encodeTskv(Blackhole bh) {
        encode(tskvWriter, bh);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void encodeYsonBinary(Blackhole bh) {
        encode(ysonBinaryWriter, bh);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void encodeYsonText(Blackhole bh) {
        encode(ysonTextWriter, bh);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void encodeJson(Blackhole bh) {
        encode(jsonWriter, bh);
    }

    private static void decode(
            DeserializationSchema<RowData> reader, byte[][] records, Blackhole bh)
            throws Exception {
        for (byte[] record : records) {
            bh.consume(reader.deserialize(record));
        }
    }

    private void encode(SerializationSchema<RowData> writer, Blackhole bh) {
        for (RowData row : rows) {
            bh.consume(writer.serialize(row));
        }
    }

    private static <T extends DeserializationSchema<RowData>> T open(T schema) throws Exception {
        schema.open(
                new DeserializationSchema.InitializationContext() {
                    @Override
                    public org.apache.flink.metrics.MetricGroup getMetricGroup() {
                        return new UnregisteredMetricsGroup();
                    }

                    @Override
                    public UserCodeClassLoader getUserCodeClassLoader() {
                        return SimpleUserCodeClassLoader.create(
                                FormatsBench.class.getClassLoader());
                    }
                });
        return schema;
    }

    private static <T extends SerializationSchema<RowData>> T open(T schema) throws Exception {
        schema.open(
                new SerializationSchema.InitializationContext() {
                    @Override
                    public org.apache.flink.metrics.MetricGroup getMetricGroup() {
                        return new UnregisteredMetricsGroup();
                    }

                    @Override
                    public UserCodeClassLoader getUserCodeClassLoader() {
                        return SimpleUserCodeClassLoader.create(
                                FormatsBench.class.getClassLoader());
                    }
                });
        return schema;
    }
}
