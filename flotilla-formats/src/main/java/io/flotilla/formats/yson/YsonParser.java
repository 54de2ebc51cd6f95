package io.flotilla.formats.yson;

import io.flotilla.formats.MalformedRecordException;
import java.nio.charset.StandardCharsets;

/**
 * Pull parser over YSON bytes, text and binary mixed as the spec allows, reading straight from the
 * record: strings come back as a slice ({@link #sliceBuf}, {@link #sliceOff}, {@link #sliceLen}) of
 * the input or, when unescaping was needed, of a reused scratch buffer.
 */
public final class YsonParser {
    /** Deepest nesting of maps, lists and attributes a record may have, counted from its top. */
    public static final int MAX_DEPTH = 256;

    public static final int EOF = 0;
    public static final int BEGIN_MAP = 1;
    public static final int END_MAP = 2;
    public static final int BEGIN_LIST = 3;
    public static final int END_LIST = 4;
    public static final int BEGIN_ATTRS = 5;
    public static final int END_ATTRS = 6;
    public static final int ITEM_SEP = 7;
    public static final int KV_SEP = 8;
    public static final int ENTITY = 9;
    public static final int STRING = 10;
    public static final int INT64 = 11;
    public static final int UINT64 = 12;
    public static final int DOUBLE = 13;
    public static final int BOOLEAN = 14;

    private static final String[] NAMES = {
        "end of input",
        "'{'",
        "'}'",
        "'['",
        "']'",
        "'<'",
        "'>'",
        "';'",
        "'='",
        "entity '#'",
        "a string",
        "an int64",
        "a uint64",
        "a double",
        "a boolean"
    };

    static final byte STRING_MARKER = 1;
    static final byte INT64_MARKER = 2;
    static final byte DOUBLE_MARKER = 3;
    static final byte FALSE_MARKER = 4;
    static final byte TRUE_MARKER = 5;
    static final byte UINT64_MARKER = 6;

    private final String format;
    // Package-private: YsonTextScalars reads text scalars from the same position.
    byte[] buf;
    private int start;
    int pos;
    int end;
    private long base;
    private int kind = -1;
    byte[] scratch = new byte[64];

    /** Open maps, lists and attributes around the position; see {@link #MAX_DEPTH}. */
    int depth;

    private int[] openStack;

    /** Field being read, for error messages; set by the readers, never by the parser. */
    public String field;

    public byte[] sliceBuf;
    public int sliceOff;
    public int sliceLen;

    /**
     * @param format name of the format in error messages (YSON, or TSKV for nested values)
     */
    public YsonParser(String format) {
        this.format = format;
    }

    /** Parses {@code len} bytes at {@code off}; offsets in errors start at {@code base}. */
    public void reset(byte[] buf, int off, int len, long base) {
        this.buf = buf;
        this.start = off;
        this.pos = off;
        this.end = off + len;
        this.base = base;
        this.kind = -1;
        this.field = null;
        this.depth = 0;
    }

    /** Counts one more open container at the position; refuses nesting beyond MAX_DEPTH. */
    public void enter() throws MalformedRecordException {
        if (depth == MAX_DEPTH) {
            throw error(
                    "nesting deeper than "
                            + MAX_DEPTH
                            + " levels of maps, lists and attributes; flatten the value");
        }
        depth++;
    }

    /** Counts one container closed. */
    public void leave() {
        depth--;
    }

    /** Scratch stack of container kinds for the iterative skipper, MAX_DEPTH deep. */
    int[] openStack() {
        if (openStack == null) {
            openStack = new int[MAX_DEPTH];
        }
        return openStack;
    }

    public long offset() {
        return base + (pos - start);
    }

    public static String name(int kind) {
        return NAMES[kind];
    }

    public MalformedRecordException error(String problem) {
        return new MalformedRecordException(format, offset(), field, problem);
    }

    /** An error about a value that started at {@code offset} (already consumed). */
    public MalformedRecordException error(long offset, String problem) {
        return new MalformedRecordException(format, offset, field, problem);
    }

    /** Kind of the next token, without consuming it. */
    public int peek() throws MalformedRecordException {
        if (kind >= 0) {
            return kind;
        }
        byte[] b = buf;
        int p = pos;
        while (p < end && (b[p] == ' ' || b[p] == '\n' || b[p] == '\t' || b[p] == '\r')) {
            p++;
        }
        pos = p;
        if (p >= end) {
            return kind = EOF;
        }
        switch (b[p]) {
            case '{':
                return kind = BEGIN_MAP;
            case '}':
                return kind = END_MAP;
            case '[':
                return kind = BEGIN_LIST;
            case ']':
                return kind = END_LIST;
            case '<':
                return kind = BEGIN_ATTRS;
            case '>':
                return kind = END_ATTRS;
            case ';':
                return kind = ITEM_SEP;
            case '=':
                return kind = KV_SEP;
            case '#':
                return kind = ENTITY;
            case STRING_MARKER:
            case '"':
                return kind = STRING;
            case INT64_MARKER:
                return kind = INT64;
            case DOUBLE_MARKER:
                return kind = DOUBLE;
            case FALSE_MARKER:
            case TRUE_MARKER:
                return kind = BOOLEAN;
            case UINT64_MARKER:
                return kind = UINT64;
            case '%':
                return kind =
                        p + 1 < end && (b[p + 1] == 't' || b[p + 1] == 'f') ? BOOLEAN : DOUBLE;
            default:
                return kind = YsonTextScalars.kind(this, b[p]);
        }
    }

    /** Consumes a one-byte structural token that {@link #peek()} just returned. */
    public void consume() {
        pos++;
        kind = -1;
    }

    public void expect(int expected) throws MalformedRecordException {
        int k = peek();
        if (k != expected) {
            throw error("expected " + name(expected) + ", got " + name(k));
        }
        consume();
    }

    /** Skips attributes {@code <...>} in front of a value: they carry no column data. */
    public void skipAttributes() throws MalformedRecordException {
        if (peek() == BEGIN_ATTRS) {
            YsonSkipping.skipAttributes(this);
        }
    }

    /** Skips one whole value with its attributes (unknown keys, ignored columns). */
    public void skipValue() throws MalformedRecordException {
        YsonSkipping.skipValue(this);
    }

    /** Reads a string into the slice fields. */
    public void readString() throws MalformedRecordException {
        int k = peek();
        if (k != STRING) {
            throw error("expected a string, got " + name(k));
        }
        kind = -1;
        byte c = buf[pos];
        if (c == STRING_MARKER) {
            pos++;
            long n = YsonBinaryScalars.zigzag(YsonBinaryScalars.readVarint(this));
            if (n < 0 || n > end - pos) {
                throw error("binary string length " + n + " runs past the end of the record");
            }
            sliceBuf = buf;
            sliceOff = pos;
            sliceLen = (int) n;
            pos += (int) n;
        } else if (c == '"') {
            YsonTextScalars.readQuoted(this);
        } else {
            int p = pos + 1;
            while (p < end && YsonTextScalars.isIdentPart(buf[p])) {
                p++;
            }
            sliceBuf = buf;
            sliceOff = pos;
            sliceLen = p - pos;
            pos = p;
        }
    }

    /** The last string read, decoded as UTF-8 (allocates; for keys of MAP columns and errors). */
    public String sliceAsString() {
        return new String(sliceBuf, sliceOff, sliceLen, StandardCharsets.UTF_8);
    }

    /** Reads an int64 or uint64; a uint64 above Long.MAX_VALUE comes back negative, see caller. */
    public long readLong() throws MalformedRecordException {
        int k = peek();
        if (k != INT64 && k != UINT64) {
            throw error("expected an integer, got " + name(k));
        }
        kind = -1;
        byte c = buf[pos];
        if (c == INT64_MARKER) {
            pos++;
            return YsonBinaryScalars.zigzag(YsonBinaryScalars.readVarint(this));
        }
        if (c == UINT64_MARKER) {
            pos++;
            return YsonBinaryScalars.readVarint(this);
        }
        return YsonTextScalars.readLong(this, k);
    }

    /** Reads a double, or an integer rounded once to the nearest double. */
    public double readDouble() throws MalformedRecordException {
        int k = peek();
        if (k == INT64) {
            return readLong();
        }
        if (k == UINT64) {
            long v = readLong();
            return v >= 0 ? v : YsonBinaryScalars.unsigned(v).doubleValue();
        }
        return readDoubleToken(k);
    }

    /** Reads a float: integers are rounded once to the nearest float, not through a double. */
    public float readFloat() throws MalformedRecordException {
        int k = peek();
        if (k == INT64) {
            return readLong();
        }
        if (k == UINT64) {
            long v = readLong();
            return v >= 0 ? v : YsonBinaryScalars.unsigned(v).floatValue();
        }
        return (float) readDoubleToken(k);
    }

    private double readDoubleToken(int k) throws MalformedRecordException {
        if (k != DOUBLE) {
            throw error("expected a double, got " + name(k));
        }
        kind = -1;
        if (buf[pos] == DOUBLE_MARKER) {
            return YsonBinaryScalars.readDouble(this);
        }
        return YsonTextScalars.readDouble(this);
    }

    public boolean readBoolean() throws MalformedRecordException {
        int k = peek();
        if (k != BOOLEAN) {
            throw error("expected a boolean, got " + name(k));
        }
        kind = -1;
        return YsonTextScalars.readBoolean(this);
    }
}
