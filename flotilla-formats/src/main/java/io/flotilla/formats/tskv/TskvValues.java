package io.flotilla.formats.tskv;

import io.flotilla.formats.MalformedRecordException;
import io.flotilla.formats.TextValues;
import io.flotilla.formats.yson.YsonParser;
import io.flotilla.formats.yson.YsonReaders;
import io.flotilla.formats.yson.YsonWriter;
import io.flotilla.formats.yson.YsonWriters;
import java.util.Arrays;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;

/**
 * TSKV value codecs per column type: scalars in their text form (see {@link TextValues}), nested
 * ROW, ARRAY and MAP values as text YSON inside the (escaped) value.
 */
final class TskvValues {
    private TskvValues() {}

    /** Turns an unescaped value into Flink's internal data; {@code offset} is for errors. */
    interface Decoder {
        Object decode(byte[] b, int off, int len, long offset) throws MalformedRecordException;
    }

    /** Returns the unescaped bytes of a non-null value (may reuse a buffer until the next call). */
    interface Encoder {
        byte[] encode(Object value);
    }

    static Decoder decoder(LogicalType type, String field, boolean failOnMissingField) {
        LogicalTypeRoot root = type.getTypeRoot();
        if (root == LogicalTypeRoot.CHAR || root == LogicalTypeRoot.VARCHAR) {
            return (b, off, len, offset) ->
                    StringData.fromBytes(Arrays.copyOfRange(b, off, off + len));
        }
        if (TextValues.isScalar(type)) {
            TextValues.Parser parser = TextValues.parser(type);
            String expected = "expected " + TextValues.example(type);
            // Strings and bytes can be empty; for any other type an empty value is NULL.
            boolean emptyIsNull =
                    root != LogicalTypeRoot.BINARY && root != LogicalTypeRoot.VARBINARY;
            return (b, off, len, offset) -> {
                if (len == 0 && emptyIsNull) {
                    return null;
                }
                try {
                    return parser.parse(b, off, len);
                } catch (RuntimeException e) {
                    throw new MalformedRecordException("TSKV", offset, field, expected);
                }
            };
        }
        YsonReaders.Reader reader = new YsonReaders("TSKV", failOnMissingField).create(type, field);
        YsonParser parser = new YsonParser("TSKV");
        return (b, off, len, offset) -> {
            if (len == 0) {
                return null;
            }
            parser.reset(b, off, len, offset);
            Object value = reader.read(parser);
            if (parser.peek() != YsonParser.EOF) {
                throw parser.error("trailing data after the nested value");
            }
            return value;
        };
    }

    static Encoder encoder(LogicalType type, String field) {
        if (TextValues.isScalar(type)) {
            TextValues.Formatter formatter = TextValues.formatter(type);
            return formatter::format;
        }
        YsonWriters.Writer writer = new YsonWriters("TSKV", false).create(type, field);
        YsonWriter out = new YsonWriter(false);
        return value -> {
            out.reset();
            writer.write(out, value);
            return out.toByteArray();
        };
    }
}
