package io.flotilla.formats;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LogicalType;

/**
 * Text forms of Flink's scalar values, shared by TSKV values and YSON strings: ISO dates and times,
 * plain decimals, base64 bytes. Parsers work on byte ranges so that numbers need no String.
 */
public final class TextValues {

    /** Parses a byte range into Flink's internal value of one type. */
    @FunctionalInterface
    public interface Parser {
        Object parse(byte[] b, int off, int len);
    }

    /** Formats Flink's internal value of one type as UTF-8 bytes. */
    @FunctionalInterface
    public interface Formatter {
        byte[] format(Object value);
    }

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    private TextValues() {}

    /** True for the types this class handles (everything but ROW, ARRAY and MAP). */
    public static boolean isScalar(LogicalType type) {
        switch (type.getTypeRoot()) {
            case CHAR:
            case VARCHAR:
            case BOOLEAN:
            case BINARY:
            case VARBINARY:
            case DECIMAL:
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
            case FLOAT:
            case DOUBLE:
            case DATE:
            case TIME_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return true;
            default:
                return false;
        }
    }

    /** What a value of this type looks like, for error messages. */
    public static String example(LogicalType type) {
        switch (type.getTypeRoot()) {
            case BOOLEAN:
                return "true or false";
            case BINARY:
            case VARBINARY:
                return "base64 such as AQID";
            case DECIMAL:
                return "a plain decimal such as 12.34";
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
                return "an integer such as 42 in the type's range";
            case FLOAT:
            case DOUBLE:
                return "a number such as 1.5, nan, inf or -inf";
            case DATE:
                return "an ISO date such as 2024-05-31";
            case TIME_WITHOUT_TIME_ZONE:
                return "an ISO time such as 12:30:00.123";
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                return "an ISO timestamp such as 2024-05-31T12:30:00.123";
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return "an ISO instant such as 2024-05-31T12:30:00.123Z";
            default:
                return "a string";
        }
    }

    public static Parser parser(LogicalType type) {
        switch (type.getTypeRoot()) {
            case CHAR:
            case VARCHAR:
                return (b, off, len) -> StringData.fromBytes(Arrays.copyOfRange(b, off, off + len));
            case BOOLEAN:
                return TextValues::parseBoolean;
            case BINARY:
            case VARBINARY:
                return (b, off, len) ->
                        Base64.getDecoder().decode(Arrays.copyOfRange(b, off, off + len));
            case DECIMAL:
                DecimalType dt = (DecimalType) type;
                return (b, off, len) -> {
                    DecimalData fast =
                            IsoFastPaths.decimal(b, off, len, dt.getPrecision(), dt.getScale());
                    if (fast != null) {
                        return fast;
                    }
                    DecimalData d =
                            Decimals.fit(
                                    new BigDecimal(ascii(b, off, len)),
                                    dt.getPrecision(),
                                    dt.getScale());
                    if (d == null) {
                        throw new IllegalArgumentException("does not fit " + dt.asSummaryString());
                    }
                    return d;
                };
            case TINYINT:
                return (b, off, len) ->
                        (byte) parseLong(b, off, len, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case SMALLINT:
                return (b, off, len) ->
                        (short) parseLong(b, off, len, Short.MIN_VALUE, Short.MAX_VALUE);
            case INTEGER:
                return (b, off, len) ->
                        (int) parseLong(b, off, len, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case BIGINT:
                return (b, off, len) -> parseLong(b, off, len, Long.MIN_VALUE, Long.MAX_VALUE);
            case FLOAT:
                return FloatText::parseFloat;
            case DOUBLE:
                return FloatText::parseDouble;
            case DATE:
                return (b, off, len) -> {
                    Integer fast = IsoFastPaths.date(b, off, len);
                    return fast != null
                            ? fast
                            : (Integer) (int) LocalDate.parse(ascii(b, off, len)).toEpochDay();
                };
            case TIME_WITHOUT_TIME_ZONE:
                return (b, off, len) ->
                        (int) (LocalTime.parse(ascii(b, off, len)).toNanoOfDay() / 1_000_000L);
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                return (b, off, len) -> {
                    TimestampData fast = IsoFastPaths.timestamp(b, off, len);
                    return fast != null
                            ? fast
                            : TimestampData.fromLocalDateTime(
                                    LocalDateTime.parse(ascii(b, off, len).replace(' ', 'T')));
                };
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return (b, off, len) ->
                        TimestampData.fromInstant(Instant.parse(ascii(b, off, len)));
            default:
                throw new IllegalArgumentException("not a scalar type: " + type);
        }
    }

    public static Formatter formatter(LogicalType type) {
        switch (type.getTypeRoot()) {
            case CHAR:
            case VARCHAR:
                return v -> ((StringData) v).toBytes();
            case BOOLEAN:
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
                return v -> ascii(String.valueOf(v));
            case FLOAT:
                return v -> FloatText.format((Float) v);
            case DOUBLE:
                return v -> FloatText.format((Double) v);
            case BINARY:
            case VARBINARY:
                return v -> Base64.getEncoder().encode((byte[]) v);
            case DECIMAL:
                return v -> {
                    byte[] fast = IsoFastPaths.decimal((DecimalData) v);
                    return fast != null
                            ? fast
                            : ascii(((DecimalData) v).toBigDecimal().toPlainString());
                };
            case DATE:
                return v -> ascii(LocalDate.ofEpochDay((Integer) v).toString());
            case TIME_WITHOUT_TIME_ZONE:
                return v -> ascii(LocalTime.ofNanoOfDay((Integer) v * 1_000_000L).toString());
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                return v -> {
                    byte[] fast = IsoFastPaths.timestamp((TimestampData) v);
                    return fast != null
                            ? fast
                            : ascii(TIMESTAMP.format(((TimestampData) v).toLocalDateTime()));
                };
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return v -> ascii(((TimestampData) v).toInstant().toString());
            default:
                throw new IllegalArgumentException("not a scalar type: " + type);
        }
    }

    private static Boolean parseBoolean(byte[] b, int off, int len) {
        if (len == 4
                && (b[off] | 0x20) == 't'
                && (b[off + 1] | 0x20) == 'r'
                && (b[off + 2] | 0x20) == 'u'
                && (b[off + 3] | 0x20) == 'e') {
            return Boolean.TRUE;
        }
        if (len == 5
                && (b[off] | 0x20) == 'f'
                && (b[off + 1] | 0x20) == 'a'
                && (b[off + 2] | 0x20) == 'l'
                && (b[off + 3] | 0x20) == 's'
                && (b[off + 4] | 0x20) == 'e') {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("not a boolean");
    }

    /** Decimal integer straight from bytes; rejects anything but [+-]digits within [min, max]. */
    public static long parseLong(byte[] b, int off, int len, long min, long max) {
        if (len == 0) {
            throw new IllegalArgumentException("empty number");
        }
        int i = off;
        int end = off + len;
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
            if (i == end) {
                throw new IllegalArgumentException("sign without digits");
            }
        }
        // Accumulate negatively: Long.MIN_VALUE has no positive counterpart.
        long result = 0;
        for (; i < end; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                throw new IllegalArgumentException("not a digit");
            }
            if (result < (Long.MIN_VALUE + d) / 10) {
                throw new IllegalArgumentException("out of range");
            }
            result = result * 10 - d;
        }
        if (!negative) {
            if (result == Long.MIN_VALUE) {
                throw new IllegalArgumentException("out of range");
            }
            result = -result;
        }
        if (result < min || result > max) {
            throw new IllegalArgumentException("out of range");
        }
        return result;
    }

    public static String ascii(byte[] b, int off, int len) {
        return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
