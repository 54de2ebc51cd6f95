package io.flotilla.formats.yson;

import io.flotilla.formats.MalformedRecordException;
import java.nio.charset.StandardCharsets;

/** The text forms of YSON scalars: quoted strings with C escapes, integers and doubles. */
final class YsonTextScalars {
    private YsonTextScalars() {}

    static void readQuoted(YsonParser p) throws MalformedRecordException {
        int open = p.pos;
        int q = p.pos + 1;
        while (q < p.end && p.buf[q] != '"' && p.buf[q] != '\\') {
            q++;
        }
        if (q < p.end && p.buf[q] == '"') {
            p.sliceBuf = p.buf;
            p.sliceOff = p.pos + 1;
            p.sliceLen = q - p.pos - 1;
            p.pos = q + 1;
            return;
        }
        int n = 0;
        q = p.pos + 1;
        while (true) {
            if (q >= p.end) {
                p.pos = open;
                throw p.error("quoted string is not closed");
            }
            byte c = p.buf[q++];
            if (c == '"') {
                break;
            }
            if (n + 1 > p.scratch.length) {
                p.scratch = java.util.Arrays.copyOf(p.scratch, p.scratch.length * 2 + 1);
            }
            if (c != '\\') {
                p.scratch[n++] = c;
                continue;
            }
            if (q >= p.end) {
                p.pos = q;
                throw p.error("escape at the end of the record");
            }
            byte e = p.buf[q++];
            switch (e) {
                case 'n':
                    p.scratch[n++] = '\n';
                    break;
                case 't':
                    p.scratch[n++] = '\t';
                    break;
                case 'r':
                    p.scratch[n++] = '\r';
                    break;
                case 'a':
                    p.scratch[n++] = 7;
                    break;
                case 'b':
                    p.scratch[n++] = '\b';
                    break;
                case 'f':
                    p.scratch[n++] = '\f';
                    break;
                case 'v':
                    p.scratch[n++] = 11;
                    break;
                case 'x':
                    {
                        int v = 0;
                        int digits = 0;
                        while (digits < 2 && q < p.end && hex(p.buf[q]) >= 0) {
                            v = v * 16 + hex(p.buf[q++]);
                            digits++;
                        }
                        if (digits == 0) {
                            p.pos = q;
                            throw p.error("\\x must be followed by hex digits");
                        }
                        p.scratch[n++] = (byte) v;
                        break;
                    }
                default:
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        int digits = 1;
                        while (digits < 3 && q < p.end && p.buf[q] >= '0' && p.buf[q] <= '7') {
                            v = v * 8 + (p.buf[q++] - '0');
                            digits++;
                        }
                        p.scratch[n++] = (byte) v;
                    } else {
                        // \\ \" \' and any other escaped character stand for themselves.
                        p.scratch[n++] = e;
                    }
            }
        }
        p.sliceBuf = p.scratch;
        p.sliceOff = 0;
        p.sliceLen = n;
        p.pos = q;
    }

    /** A text int64 or uint64 ({@code kind} says which) at the parser's position. */
    static long readLong(YsonParser p, int k) throws MalformedRecordException {
        int q = p.pos;
        boolean negative = p.buf[q] == '-';
        if (p.buf[q] == '-' || p.buf[q] == '+') {
            q++;
        }
        int digitsStart = q;
        long v = 0;
        boolean overflow = false;
        while (q < p.end && p.buf[q] >= '0' && p.buf[q] <= '9') {
            int d = p.buf[q] - '0';
            if (Long.compareUnsigned(v, Long.divideUnsigned(-1L - d, 10)) > 0) {
                overflow = true;
            }
            v = v * 10 + d;
            q++;
        }
        if (q == digitsStart) {
            throw p.error("sign without digits");
        }
        if (k == YsonParser.UINT64) {
            if (negative || overflow) {
                throw p.error("uint64 out of range");
            }
            p.pos = q + 1; // the 'u' suffix
            return v;
        }
        if (overflow || (v < 0 && !(negative && v == Long.MIN_VALUE))) {
            throw p.error("int64 out of range");
        }
        p.pos = q;
        return negative ? -v : v;
    }

    /** A text double, %nan or %inf at the parser's position. */
    static double readDouble(YsonParser p) throws MalformedRecordException {
        int q = p.pos;
        while (q < p.end && isNumberPart(p.buf[q])) {
            q++;
        }
        String text = new String(p.buf, p.pos, q - p.pos, StandardCharsets.ISO_8859_1);
        double v;
        switch (text) {
            case "%nan":
                v = Double.NaN;
                break;
            case "%inf":
            case "%+inf":
                v = Double.POSITIVE_INFINITY;
                break;
            case "%-inf":
                v = Double.NEGATIVE_INFINITY;
                break;
            default:
                try {
                    v = Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw p.error("malformed double");
                }
        }
        p.pos = q;
        return v;
    }

    static int kind(YsonParser p, byte c) throws MalformedRecordException {
        if (c == '-' || c == '+' || (c >= '0' && c <= '9')) {
            int q = p.pos + 1;
            while (q < p.end && p.buf[q] >= '0' && p.buf[q] <= '9') {
                q++;
            }
            if (q < p.end) {
                byte n = p.buf[q];
                if (n == '.' || n == 'e' || n == 'E') {
                    return YsonParser.DOUBLE;
                }
                if (n == 'u') {
                    return YsonParser.UINT64;
                }
            }
            return YsonParser.INT64;
        }
        if (isIdentStart(c)) {
            return YsonParser.STRING;
        }
        throw p.error(String.format("unexpected byte 0x%02x", c & 0xff));
    }

    private static boolean isIdentStart(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isIdentPart(byte c) {
        return isIdentStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
    }

    /** A boolean (binary marker, %true or %false) at the parser's position. */
    static boolean readBoolean(YsonParser p) throws MalformedRecordException {
        byte c = p.buf[p.pos];
        if (c == YsonParser.TRUE_MARKER || c == YsonParser.FALSE_MARKER) {
            p.pos++;
            return c == YsonParser.TRUE_MARKER;
        }
        if (matches(p, "%true")) {
            p.pos += 5;
            return true;
        }
        if (matches(p, "%false")) {
            p.pos += 6;
            return false;
        }
        throw p.error("expected %true or %false");
    }

    private static boolean matches(YsonParser p, String token) {
        if (p.end - p.pos < token.length()) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            if (p.buf[p.pos + i] != token.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumberPart(byte c) {
        return (c >= '0' && c <= '9')
                || c == '.'
                || c == 'e'
                || c == 'E'
                || c == '-'
                || c == '+'
                || c == '%'
                || c == 'n'
                || c == 'a'
                || c == 'i'
                || c == 'f';
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
