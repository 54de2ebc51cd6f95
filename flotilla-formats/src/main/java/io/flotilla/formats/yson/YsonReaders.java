package io.flotilla.formats.yson;

import static io.flotilla.formats.yson.YsonParser.BEGIN_LIST;
import static io.flotilla.formats.yson.YsonParser.END_LIST;
import static io.flotilla.formats.yson.YsonParser.ENTITY;
import static io.flotilla.formats.yson.YsonParser.ITEM_SEP;
import static io.flotilla.formats.yson.YsonParser.STRING;
import static io.flotilla.formats.yson.YsonParser.UINT64;

import io.flotilla.formats.Decimals;
import io.flotilla.formats.MalformedRecordException;
import io.flotilla.formats.TextValues;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.RowType;

/** Builds, per Flink type, the reader that turns the next YSON value into Flink's internal data. */
public final class YsonReaders {

    /** Reads one value (attributes skipped, '#' is NULL) into Flink's internal representation. */
    public abstract static class Reader {
        final String path;
        private final String field;

        Reader(String path) {
            this.path = path;
            this.field = path.isEmpty() ? null : path;
        }

        public final Object read(YsonParser p) throws MalformedRecordException {
            p.field = field;
            p.skipAttributes();
            if (p.peek() == ENTITY) {
                p.consume();
                return null;
            }
            return readValue(p);
        }

        abstract Object readValue(YsonParser p) throws MalformedRecordException;
    }

    private final String format;
    private final boolean failOnMissingField;

    public YsonReaders(String format, boolean failOnMissingField) {
        this.format = format;
        this.failOnMissingField = failOnMissingField;
    }

    public Reader create(LogicalType type, String path) {
        switch (type.getTypeRoot()) {
            case ROW:
                return new YsonRowReader((RowType) type, path, this, failOnMissingField);
            case ARRAY:
                return arrayReader(create(((ArrayType) type).getElementType(), path + "[]"), path);
            case MAP:
                MapType map = (MapType) type;
                return new YsonMapReader(
                        map,
                        create(map.getKeyType(), path + "{key}"),
                        create(map.getValueType(), path + "{value}"),
                        path);
            case CHAR:
            case VARCHAR:
                return new Reader(path) {
                    @Override
                    Object readValue(YsonParser p) throws MalformedRecordException {
                        p.readString();
                        return StringData.fromBytes(
                                Arrays.copyOfRange(
                                        p.sliceBuf, p.sliceOff, p.sliceOff + p.sliceLen));
                    }
                };
            case BINARY:
            case VARBINARY:
                return new Reader(path) {
                    @Override
                    Object readValue(YsonParser p) throws MalformedRecordException {
                        p.readString();
                        return Arrays.copyOfRange(p.sliceBuf, p.sliceOff, p.sliceOff + p.sliceLen);
                    }
                };
            case BOOLEAN:
                return new Reader(path) {
                    @Override
                    Object readValue(YsonParser p) throws MalformedRecordException {
                        return p.readBoolean();
                    }
                };
            case TINYINT:
                return integer(path, Byte.MIN_VALUE, Byte.MAX_VALUE, type, v -> (byte) v);
            case SMALLINT:
                return integer(path, Short.MIN_VALUE, Short.MAX_VALUE, type, v -> (short) v);
            case INTEGER:
                return integer(path, Integer.MIN_VALUE, Integer.MAX_VALUE, type, v -> (int) v);
            case BIGINT:
                return integer(path, Long.MIN_VALUE, Long.MAX_VALUE, type, v -> v);
            case FLOAT:
                return new Reader(path) {
                    @Override
                    Object readValue(YsonParser p) throws MalformedRecordException {
                        return p.readFloat();
                    }
                };
            case DOUBLE:
                return new Reader(path) {
                    @Override
                    Object readValue(YsonParser p) throws MalformedRecordException {
                        return p.readDouble();
                    }
                };
            case DECIMAL:
                return decimalReader((DecimalType) type, path);
            case DATE:
            case TIME_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return textReader(type, path);
            default:
                throw new IllegalArgumentException(unsupported(format, type, path));
        }
    }

    static String unsupported(String format, LogicalType type, String path) {
        return "Column '"
                + path
                + "' has type "
                + type.asSummaryString()
                + ", which format '"
                + format.toLowerCase(java.util.Locale.ROOT)
                + "' does not support. Use one of CHAR, VARCHAR, BOOLEAN, BINARY, VARBINARY,"
                + " DECIMAL, TINYINT, SMALLINT, INT, BIGINT, FLOAT, DOUBLE, DATE, TIME, TIMESTAMP,"
                + " TIMESTAMP_LTZ, ROW, ARRAY, MAP, or cast the column.";
    }

    private interface Narrow {
        Object apply(long v);
    }

    private static Reader integer(
            String path, long min, long max, LogicalType type, Narrow narrow) {
        return new Reader(path) {
            @Override
            Object readValue(YsonParser p) throws MalformedRecordException {
                boolean unsigned = p.peek() == UINT64;
                long at = p.offset();
                long v = p.readLong();
                if ((unsigned && v < 0) || v < min || v > max) {
                    throw p.error(at, "integer out of range of " + type.asSummaryString());
                }
                return narrow.apply(v);
            }
        };
    }

    private static Reader decimalReader(DecimalType type, String path) {
        TextValues.Parser text = TextValues.parser(type);
        return new Reader(path) {
            @Override
            Object readValue(YsonParser p) throws MalformedRecordException {
                int k = p.peek();
                long at = p.offset();
                if (k == STRING) {
                    p.readString();
                    try {
                        return text.parse(p.sliceBuf, p.sliceOff, p.sliceLen);
                    } catch (RuntimeException e) {
                        throw p.error(
                                at,
                                "expected a string with "
                                        + TextValues.example(type)
                                        + " that fits "
                                        + type.asSummaryString());
                    }
                }
                BigDecimal value;
                if (k == YsonParser.DOUBLE) {
                    double d = p.readDouble();
                    if (!Double.isFinite(d)) {
                        throw p.error(at, "a DECIMAL cannot hold nan or infinity");
                    }
                    value = BigDecimal.valueOf(d);
                } else {
                    long v = p.readLong();
                    value =
                            k == UINT64 && v < 0
                                    ? new BigDecimal(Long.toUnsignedString(v))
                                    : BigDecimal.valueOf(v);
                }
                DecimalData d = Decimals.fit(value, type.getPrecision(), type.getScale());
                if (d == null) {
                    throw p.error(at, "value does not fit " + type.asSummaryString());
                }
                return d;
            }
        };
    }

    private static Reader textReader(LogicalType type, String path) {
        TextValues.Parser parser = TextValues.parser(type);
        return new Reader(path) {
            @Override
            Object readValue(YsonParser p) throws MalformedRecordException {
                p.peek();
                long at = p.offset();
                p.readString();
                try {
                    return parser.parse(p.sliceBuf, p.sliceOff, p.sliceLen);
                } catch (RuntimeException e) {
                    throw p.error(at, "expected a string with " + TextValues.example(type));
                }
            }
        };
    }

    private static Reader arrayReader(Reader element, String path) {
        return new Reader(path) {
            @Override
            Object readValue(YsonParser p) throws MalformedRecordException {
                p.expect(BEGIN_LIST);
                p.enter();
                List<Object> items = new ArrayList<>();
                while (p.peek() != END_LIST) {
                    items.add(element.read(p));
                    p.field = path;
                    separator(p, END_LIST);
                }
                p.consume();
                p.leave();
                return new GenericArrayData(items.toArray());
            }
        };
    }

    static void separator(YsonParser p, int close) throws MalformedRecordException {
        int k = p.peek();
        if (k == ITEM_SEP) {
            p.consume();
        } else if (k != close) {
            throw p.error(
                    "expected ';' or " + YsonParser.name(close) + ", got " + YsonParser.name(k));
        }
    }
}
