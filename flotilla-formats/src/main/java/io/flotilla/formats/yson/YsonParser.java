package io.flotilla.formats.yson;

import io.flotilla.formats.MalformedRecordException;
import java.nio.charset.StandardCharsets;

/**
 * Pull parser over YSON bytes, text and binary mixed as the spec allows, reading straight from the
 * record: strings come back as a slice ({@link #sliceBuf}, {@link #sliceOff}, {@link #sliceLen}) of
 * the input or, when unescaping was needed, of a reused scratch buffer.
 */
public final class YsonParser {
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
                return kind = textKind(b[p]);
        }
    }

    private int textKind(byte c) throws MalformedRecordException {
        if (c == '-' || c == '+' || (c >= '0' && c <= '9')) {
            int p = pos + 1;
            while (p < end && buf[p] >= '0' && buf[p] <= '9') {
                p++;
            }
            if (p < end) {
                byte n = buf[p];
                if (n == '.' || n == 'e' || n == 'E') {
                    return DOUBLE;
                }
                if (n == 'u') {
                    return UINT64;
                }
            }
            return INT64;
        }
        if (isIdentStart(c)) {
            return STRING;
        }
        throw error(String.format("unexpected byte 0x%02x", c & 0xff));
    }

    private static boolean isIdentStart(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isIdentPart(byte c) {
        return isIdentStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
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
            long n = zigzag(readVarint());
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
            while (p < end && isIdentPart(buf[p])) {
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
        kind = -1;
        byte c = buf[pos];
        if (c == INT64_MARKER) {
            pos++;
            return zigzag(readVarint());
        }
        if (c == UINT64_MARKER) {
            pos++;
            return readVarint();
        }
        if (k != INT64 && k != UINT64) {
            kind = k;
            throw error("expected an integer, got " + name(k));
        }
        return YsonTextScalars.readLong(this, k);
    }

    public double readDouble() throws MalformedRecordException {
        int k = peek();
        if (k == INT64) {
            return readLong();
        }
        if (k == UINT64) {
            long v = readLong();
            return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
        }
        if (k != DOUBLE) {
            throw error("expected a double, got " + name(k));
        }
        kind = -1;
        if (buf[pos] == DOUBLE_MARKER) {
            if (end - pos < 9) {
                throw error("binary double needs 8 bytes");
            }
            long bits = 0;
            for (int i = 8; i >= 1; i--) {
                bits = (bits << 8) | (buf[pos + i] & 0xffL);
            }
            pos += 9;
            return Double.longBitsToDouble(bits);
        }
        return YsonTextScalars.readDouble(this);
    }

    public boolean readBoolean() throws MalformedRecordException {
        int k = peek();
        if (k != BOOLEAN) {
            throw error("expected a boolean, got " + name(k));
        }
        kind = -1;
        byte c = buf[pos];
        if (c == TRUE_MARKER || c == FALSE_MARKER) {
            pos++;
            return c == TRUE_MARKER;
        }
        if (matches("%true")) {
            pos += 5;
            return true;
        }
        if (matches("%false")) {
            pos += 6;
            return false;
        }
        throw error("expected %true or %false");
    }

    private boolean matches(String token) {
        if (end - pos < token.length()) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            if (buf[pos + i] != token.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private long readVarint() throws MalformedRecordException {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= end) {
                throw error("varint runs past the end of the record");
            }
            byte b = buf[pos++];
            result |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw error("varint longer than 10 bytes");
    }

    private static long zigzag(long n) {
        return (n >>> 1) ^ -(n & 1);
    }
}
