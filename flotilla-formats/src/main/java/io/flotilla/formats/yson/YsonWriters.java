package io.flotilla.formats.yson;

import io.flotilla.formats.TextValues;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.MapData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.binary.BinaryStringData;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.RowType;

/** Builds, per Flink type, the writer that appends a non-null internal value as YSON. */
public final class YsonWriters {

    /** Appends one non-null value of Flink's internal representation. */
    @FunctionalInterface
    public interface Writer {
        void write(YsonWriter w, Object value);
    }

    private final String format;
    private final boolean binary;

    public YsonWriters(String format, boolean binary) {
        this.format = format;
        this.binary = binary;
    }

    public Writer create(LogicalType type, String path) {
        switch (type.getTypeRoot()) {
            case ROW:
                return rowWriter((RowType) type, path);
            case ARRAY:
                return arrayWriter((ArrayType) type, path);
            case MAP:
                return mapWriter((MapType) type, path);
            case CHAR:
            case VARCHAR:
                return (w, v) -> {
                    byte[] b = ((StringData) v).toBytes();
                    w.string(b, 0, b.length);
                };
            case BINARY:
            case VARBINARY:
                return (w, v) -> {
                    byte[] b = (byte[]) v;
                    w.string(b, 0, b.length);
                };
            case BOOLEAN:
                return (w, v) -> w.bool((Boolean) v);
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
                return (w, v) -> w.int64(((Number) v).longValue());
            case FLOAT:
            case DOUBLE:
                return (w, v) -> w.float64(((Number) v).doubleValue());
            case DECIMAL:
            case DATE:
            case TIME_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                TextValues.Formatter f = TextValues.formatter(type);
                return (w, v) -> {
                    byte[] b = f.format(v);
                    w.string(b, 0, b.length);
                };
            default:
                throw new IllegalArgumentException(YsonReaders.unsupported(format, type, path));
        }
    }

    private Writer rowWriter(RowType type, String path) {
        int n = type.getFieldCount();
        byte[][] keys = new byte[n][];
        RowData.FieldGetter[] getters = new RowData.FieldGetter[n];
        Writer[] writers = new Writer[n];
        for (int i = 0; i < n; i++) {
            String name = type.getFieldNames().get(i);
            keys[i] = YsonWriter.encodeKey(name, binary);
            getters[i] = RowData.createFieldGetter(type.getTypeAt(i), i);
            writers[i] = create(type.getTypeAt(i), path.isEmpty() ? name : path + "." + name);
        }
        return (w, v) -> {
            RowData row = (RowData) v;
            w.token('{');
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    w.token(';');
                }
                w.raw(keys[i]);
                Object field = getters[i].getFieldOrNull(row);
                if (field == null) {
                    w.token('#');
                } else {
                    writers[i].write(w, field);
                }
            }
            w.token('}');
        };
    }

    private Writer arrayWriter(ArrayType type, String path) {
        ArrayData.ElementGetter getter = ArrayData.createElementGetter(type.getElementType());
        Writer element = create(type.getElementType(), path + "[]");
        return (w, v) -> {
            ArrayData array = (ArrayData) v;
            w.token('[');
            writeItems(w, array, getter, element);
            w.token(']');
        };
    }

    private static void writeItems(
            YsonWriter w, ArrayData array, ArrayData.ElementGetter getter, Writer element) {
        for (int i = 0; i < array.size(); i++) {
            if (i > 0) {
                w.token(';');
            }
            writeNullable(w, getter.getElementOrNull(array, i), element);
        }
    }

    private static void writeNullable(YsonWriter w, Object value, Writer writer) {
        if (value == null) {
            w.token('#');
        } else {
            writer.write(w, value);
        }
    }

    private Writer mapWriter(MapType type, String path) {
        LogicalTypeRoot keyRoot = type.getKeyType().getTypeRoot();
        boolean stringKeys = keyRoot == LogicalTypeRoot.VARCHAR || keyRoot == LogicalTypeRoot.CHAR;
        ArrayData.ElementGetter keyGetter = ArrayData.createElementGetter(type.getKeyType());
        ArrayData.ElementGetter valueGetter = ArrayData.createElementGetter(type.getValueType());
        Writer key = create(type.getKeyType(), path + "{key}");
        Writer value = create(type.getValueType(), path + "{value}");
        return (w, v) -> {
            MapData map = (MapData) v;
            ArrayData keys = map.keyArray();
            ArrayData values = map.valueArray();
            w.token(stringKeys ? '{' : '[');
            for (int i = 0; i < map.size(); i++) {
                if (i > 0) {
                    w.token(';');
                }
                Object k = keyGetter.getElementOrNull(keys, i);
                Object val = valueGetter.getElementOrNull(values, i);
                if (stringKeys) {
                    // A YSON map key cannot be '#': a NULL key is written as the empty string.
                    key.write(w, k == null ? BinaryStringData.EMPTY_UTF8 : k);
                    w.token('=');
                    writeNullable(w, val, value);
                } else {
                    w.token('[');
                    writeNullable(w, k, key);
                    w.token(';');
                    writeNullable(w, val, value);
                    w.token(']');
                }
            }
            w.token(stringKeys ? '}' : ']');
        };
    }
}
