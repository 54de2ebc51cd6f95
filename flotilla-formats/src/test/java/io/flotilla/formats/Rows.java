package io.flotilla.formats;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.MapData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.RowType;

/** Turns Flink's internal data into plain Java values so that rows compare with equals. */
public final class Rows {
    private Rows() {}

    public static Object plain(LogicalType type, Object value) {
        if (value == null) {
            return null;
        }
        switch (type.getTypeRoot()) {
            case ROW:
                RowType rowType = (RowType) type;
                RowData row = (RowData) value;
                List<Object> fields = new ArrayList<>();
                for (int i = 0; i < rowType.getFieldCount(); i++) {
                    fields.add(
                            plain(
                                    rowType.getTypeAt(i),
                                    RowData.createFieldGetter(rowType.getTypeAt(i), i)
                                            .getFieldOrNull(row)));
                }
                return fields;
            case ARRAY:
                LogicalType element = ((ArrayType) type).getElementType();
                return plainList(element, (ArrayData) value);
            case MAP:
                MapType mapType = (MapType) type;
                MapData map = (MapData) value;
                List<Object> keys = plainList(mapType.getKeyType(), map.keyArray());
                List<Object> values = plainList(mapType.getValueType(), map.valueArray());
                Map<Object, Object> result = new HashMap<>();
                for (int i = 0; i < keys.size(); i++) {
                    result.put(keys.get(i), values.get(i));
                }
                return result;
            case CHAR:
            case VARCHAR:
                return ((StringData) value).toString();
            case BINARY:
            case VARBINARY:
                return ByteBuffer.wrap((byte[]) value);
            case DECIMAL:
                return ((DecimalData) value).toBigDecimal();
            default:
                return value;
        }
    }

    private static List<Object> plainList(LogicalType element, ArrayData array) {
        ArrayData.ElementGetter getter = ArrayData.createElementGetter(element);
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            items.add(plain(element, getter.getElementOrNull(array, i)));
        }
        return items;
    }
}
