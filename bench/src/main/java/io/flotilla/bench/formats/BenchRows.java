package io.flotilla.bench.formats;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericMapData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.MapData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.RowType;

/** The benchmark's schemas and seeded rows (an access-log-like record), shared by all formats. */
final class BenchRows {
    static final int COUNT = 1000;

    private static final String[] ACTIONS = {"view", "click", "buy", "login", "logout"};
    private static final String[] CITIES = {"Oslo", "Rome", "Lisbon", "Tallinn", "Yerevan"};

    private BenchRows() {}

    static RowType type(String schema) {
        List<DataTypes.Field> fields =
                new ArrayList<>(
                        List.of(
                                DataTypes.FIELD("id", DataTypes.BIGINT()),
                                DataTypes.FIELD("user", DataTypes.STRING()),
                                DataTypes.FIELD("action", DataTypes.STRING()),
                                DataTypes.FIELD("url", DataTypes.STRING()),
                                DataTypes.FIELD("status", DataTypes.INT()),
                                DataTypes.FIELD("latency", DataTypes.DOUBLE()),
                                DataTypes.FIELD("ok", DataTypes.BOOLEAN()),
                                DataTypes.FIELD("ts", DataTypes.TIMESTAMP(3)),
                                DataTypes.FIELD("cost", DataTypes.DECIMAL(10, 2))));
        if (schema.equals("nested")) {
            fields.add(DataTypes.FIELD("tags", DataTypes.ARRAY(DataTypes.STRING())));
            fields.add(
                    DataTypes.FIELD(
                            "attrs", DataTypes.MAP(DataTypes.STRING(), DataTypes.STRING())));
            fields.add(
                    DataTypes.FIELD(
                            "geo",
                            DataTypes.ROW(
                                    DataTypes.FIELD("city", DataTypes.STRING()),
                                    DataTypes.FIELD("lat", DataTypes.DOUBLE()),
                                    DataTypes.FIELD("lon", DataTypes.DOUBLE()))));
        } else if (!schema.equals("flat")) {
            throw new IllegalArgumentException("schema must be flat or nested, not " + schema);
        }
        return (RowType) DataTypes.ROW(fields).getLogicalType();
    }

    static List<RowData> rows(RowType type) {
        Random random = new Random(42);
        List<RowData> rows = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            GenericRowData row = new GenericRowData(type.getFieldCount());
            row.setField(0, 1_000_000_000L + random.nextInt(1_000_000));
            row.setField(1, str("user" + random.nextInt(100_000)));
            row.setField(2, str(ACTIONS[random.nextInt(ACTIONS.length)]));
            row.setField(3, str("/shop/item/" + random.nextInt(5000) + "?ref=mail&page=" + i));
            row.setField(4, random.nextInt(10) == 0 ? 404 : 200);
            row.setField(5, random.nextInt(100_000) / 100.0);
            row.setField(6, random.nextBoolean());
            row.setField(
                    7,
                    TimestampData.fromLocalDateTime(
                            LocalDateTime.of(2024, 5, 31, 12, 0)
                                    .plusNanos(random.nextInt(86_400_000) * 1_000_000L)));
            row.setField(
                    8,
                    DecimalData.fromBigDecimal(
                            BigDecimal.valueOf(random.nextInt(100_000), 2), 10, 2));
            if (type.getFieldCount() > 9) {
                row.setField(
                        9,
                        new GenericArrayData(
                                new Object[] {
                                    str("new"), str("mobile"), str("ab-" + random.nextInt(4))
                                }));
                Map<Object, Object> attrs = new HashMap<>();
                attrs.put(str("browser"), str("firefox"));
                attrs.put(str("lang"), str("en"));
                row.setField(10, new GenericMapData(attrs));
                row.setField(
                        11,
                        GenericRowData.of(
                                str(CITIES[random.nextInt(CITIES.length)]),
                                random.nextDouble() * 90,
                                random.nextDouble() * 180));
            }
            rows.add(row);
        }
        return rows;
    }

    private static StringData str(String s) {
        return StringData.fromString(s);
    }

    /**
     * Fails the run if a format does not read back the rows: then its figures would mean nothing.
     */
    static void checkSameRows(
            RowType type,
            List<RowData> rows,
            DeserializationSchema<RowData> reader,
            byte[][] records)
            throws Exception {
        for (int i = 0; i < rows.size(); i++) {
            Object expected = plain(type, rows.get(i));
            Object actual = plain(type, reader.deserialize(records[i]));
            if (!Objects.equals(expected, actual)) {
                throw new IllegalStateException(
                        reader.getClass().getSimpleName()
                                + " read "
                                + actual
                                + ", wrote "
                                + expected);
            }
        }
    }

    private static Object plain(LogicalType type, Object value) {
        if (value == null) {
            return null;
        }
        switch (type.getTypeRoot()) {
            case ROW:
                RowType rowType = (RowType) type;
                List<Object> fields = new ArrayList<>();
                for (int i = 0; i < rowType.getFieldCount(); i++) {
                    fields.add(
                            plain(
                                    rowType.getTypeAt(i),
                                    RowData.createFieldGetter(rowType.getTypeAt(i), i)
                                            .getFieldOrNull((RowData) value)));
                }
                return fields;
            case ARRAY:
                return list(((ArrayType) type).getElementType(), (ArrayData) value);
            case MAP:
                MapType m = (MapType) type;
                MapData map = (MapData) value;
                List<Object> keys = list(m.getKeyType(), map.keyArray());
                List<Object> values = list(m.getValueType(), map.valueArray());
                Map<Object, Object> result = new HashMap<>();
                for (int i = 0; i < keys.size(); i++) {
                    result.put(keys.get(i), values.get(i));
                }
                return result;
            case VARCHAR:
                return value.toString();
            case VARBINARY:
                return ByteBuffer.wrap((byte[]) value);
            case DECIMAL:
                return ((DecimalData) value).toBigDecimal();
            default:
                return value;
        }
    }

    private static List<Object> list(LogicalType element, ArrayData array) {
        ArrayData.ElementGetter getter = ArrayData.createElementGetter(element);
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            items.add(plain(element, getter.getElementOrNull(array, i)));
        }
        return items;
    }
}
