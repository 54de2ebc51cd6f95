package io.flotilla.formats.yson;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Appends YSON tokens, text or binary, to a reused growable buffer. */
public final class YsonWriter {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

    private final boolean binary;
    private byte[] buf = new byte[256];
    private int len;

    public YsonWriter(boolean binary) {
        this.binary = binary;
    }

    public boolean binary() {
        return binary;
    }

    public void reset() {
        len = 0;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    public byte[] buffer() {
        return buf;
    }

    public int length() {
        return len;
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }

    /** Writes a structural token: one of { } [ ] ; = #. */
    public void token(char c) {
        ensure(1);
        buf[len++] = (byte) c;
    }

    public void raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    /** A map key followed by '=', encoded once per column: see {@link #encodeKey}. */
    public static byte[] encodeKey(String key, boolean binary) {
        YsonWriter w = new YsonWriter(binary);
        byte[] utf8 = key.getBytes(StandardCharsets.UTF_8);
        if (!binary && isIdentifier(utf8)) {
            w.raw(utf8);
        } else {
            w.string(utf8, 0, utf8.length);
        }
        w.token('=');
        return w.toByteArray();
    }

    private static boolean isIdentifier(byte[] s) {
        if (s.length == 0) {
            return false;
        }
        for (int i = 0; i < s.length; i++) {
            byte c = s[i];
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            boolean rest = (c >= '0' && c <= '9') || c == '-' || c == '.';
            if (!(letter || (i > 0 && rest))) {
                return false;
            }
        }
        return true;
    }

    public void string(byte[] s, int off, int n) {
        if (binary) {
            ensure(11 + n);
            buf[len++] = YsonParser.STRING_MARKER;
            varint(((long) n << 1));
            System.arraycopy(s, off, buf, len, n);
            len += n;
            return;
        }
        ensure(2 + n * 4);
        buf[len++] = '"';
        for (int i = off; i < off + n; i++) {
            byte c = s[i];
            switch (c) {
                case '"':
                case '\\':
                    buf[len++] = '\\';
                    buf[len++] = c;
                    break;
                case '\n':
                    buf[len++] = '\\';
                    buf[len++] = 'n';
                    break;
                case '\t':
                    buf[len++] = '\\';
                    buf[len++] = 't';
                    break;
                case '\r':
                    buf[len++] = '\\';
                    buf[len++] = 'r';
                    break;
                default:
                    if ((c >= 0 && c < 0x20) || c == 0x7f) {
                        buf[len++] = '\\';
                        buf[len++] = 'x';
                        buf[len++] = HEX[(c >> 4) & 0xf];
                        buf[len++] = HEX[c & 0xf];
                    } else {
                        buf[len++] = c;
                    }
            }
        }
        buf[len++] = '"';
    }

    public void int64(long v) {
        if (binary) {
            ensure(11);
            buf[len++] = YsonParser.INT64_MARKER;
            varint((v << 1) ^ (v >> 63));
            return;
        }
        ensure(20);
        if (v == Long.MIN_VALUE) {
            raw("-9223372036854775808".getBytes(StandardCharsets.ISO_8859_1));
            return;
        }
        if (v < 0) {
            buf[len++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        for (int i = len + digits - 1; i >= len; i--) {
            buf[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        len += digits;
    }

    public void float64(double v) {
        if (binary) {
            ensure(9);
            buf[len++] = YsonParser.DOUBLE_MARKER;
            long bits = Double.doubleToRawLongBits(v);
            for (int i = 0; i < 8; i++) {
                buf[len++] = (byte) (bits >>> (8 * i));
            }
            return;
        }
        String text;
        if (Double.isNaN(v)) {
            text = "%nan";
        } else if (v == Double.POSITIVE_INFINITY) {
            text = "%inf";
        } else if (v == Double.NEGATIVE_INFINITY) {
            text = "%-inf";
        } else {
            // Double.toString always has '.' or 'E', which is what tells a text double from an int.
            text = Double.toString(v);
        }
        raw(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public void bool(boolean v) {
        if (binary) {
            ensure(1);
            buf[len++] = v ? YsonParser.TRUE_MARKER : YsonParser.FALSE_MARKER;
        } else {
            raw(v ? TRUE : FALSE);
        }
    }

    private static final byte[] TRUE = "%true".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] FALSE = "%false".getBytes(StandardCharsets.ISO_8859_1);

    private void varint(long v) {
        while ((v & ~0x7fL) != 0) {
            buf[len++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        buf[len++] = (byte) v;
    }
}
