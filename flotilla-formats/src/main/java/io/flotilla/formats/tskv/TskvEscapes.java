package io.flotilla.formats.tskv;

import java.util.Arrays;

/**
 * TSKV escaping: tab, newline, carriage return, backslash and NUL as \t \n \r \\ \0 everywhere, and
 * '=' as \= in keys (a value runs to the next tab, so '=' in a value needs no escape). Reading also
 * takes what ClickHouse writes and reads: \b \f \a \v \e, \' \" and \xHH.
 */
final class TskvEscapes {
    private TskvEscapes() {}

    /** Appends {@code src[off, off+len)} escaped to {@code out} and returns the new length. */
    static int escape(byte[] src, int off, int len, boolean key, Out out) {
        out.ensure(len * 2);
        byte[] dst = out.buf;
        int n = out.len;
        for (int i = off; i < off + len; i++) {
            byte c = src[i];
            switch (c) {
                case '\t':
                    dst[n++] = '\\';
                    dst[n++] = 't';
                    break;
                case '\n':
                    dst[n++] = '\\';
                    dst[n++] = 'n';
                    break;
                case '\r':
                    dst[n++] = '\\';
                    dst[n++] = 'r';
                    break;
                case 0:
                    dst[n++] = '\\';
                    dst[n++] = '0';
                    break;
                case '\\':
                    dst[n++] = '\\';
                    dst[n++] = '\\';
                    break;
                case '=':
                    if (key) {
                        dst[n++] = '\\';
                    }
                    dst[n++] = '=';
                    break;
                default:
                    dst[n++] = c;
            }
        }
        out.len = n;
        return n;
    }

    /**
     * Unescapes {@code src[off, off+len)} into {@code out} from position 0; an unknown escape keeps
     * its backslash, as most TSKV writers leave such bytes alone.
     */
    static int unescape(byte[] src, int off, int len, Out out) {
        out.len = 0;
        out.ensure(len);
        byte[] dst = out.buf;
        int n = 0;
        int end = off + len;
        for (int i = off; i < end; i++) {
            byte c = src[i];
            if (c != '\\' || i + 1 == end) {
                dst[n++] = c;
                continue;
            }
            byte e = src[++i];
            switch (e) {
                case 't':
                    dst[n++] = '\t';
                    break;
                case 'n':
                    dst[n++] = '\n';
                    break;
                case 'r':
                    dst[n++] = '\r';
                    break;
                case '0':
                    dst[n++] = 0;
                    break;
                case 'b':
                    dst[n++] = '\b';
                    break;
                case 'f':
                    dst[n++] = '\f';
                    break;
                case 'a':
                    dst[n++] = 7;
                    break;
                case 'v':
                    dst[n++] = 11;
                    break;
                case 'e':
                    dst[n++] = 27;
                    break;
                case '\\':
                case '=':
                case '\'':
                case '"':
                    dst[n++] = e;
                    break;
                case 'x':
                    if (i + 2 < end && hex(src[i + 1]) >= 0 && hex(src[i + 2]) >= 0) {
                        dst[n++] = (byte) (hex(src[i + 1]) * 16 + hex(src[i + 2]));
                        i += 2;
                        break;
                    }
                    dst[n++] = '\\';
                    dst[n++] = e;
                    break;
                default:
                    dst[n++] = '\\';
                    dst[n++] = e;
            }
        }
        out.len = n;
        return n;
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        int lower = c | 0x20;
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }

    /** A reused growable byte buffer. */
    static final class Out {
        byte[] buf = new byte[256];
        int len;

        void ensure(int extra) {
            if (len + extra > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
            }
        }

        void add(byte b) {
            ensure(1);
            buf[len++] = b;
        }

        void add(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, len, b.length);
            len += b.length;
        }
    }
}
