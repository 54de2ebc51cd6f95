package io.flotilla.formats;

import java.nio.charset.StandardCharsets;

/**
 * Text forms of FLOAT and DOUBLE values in TSKV: written as ClickHouse writes them ({@code nan},
 * {@code inf}, {@code -inf}, else Java's shortest form), read from those, from Java's {@code NaN}
 * and {@code Infinity}, and in any case.
 */
public final class FloatText {
    private FloatText() {}

    public static byte[] format(double v) {
        String s;
        if (Double.isNaN(v)) {
            s = "nan";
        } else if (Double.isInfinite(v)) {
            s = v > 0 ? "inf" : "-inf";
        } else {
            s = String.valueOf(v);
        }
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] format(float v) {
        return Float.isFinite(v)
                ? String.valueOf(v).getBytes(StandardCharsets.US_ASCII)
                : format((double) v);
    }

    public static double parseDouble(byte[] b, int off, int len) {
        double special = special(b, off, len);
        return special == special || isNan(b, off, len)
                ? special
                : Double.parseDouble(TextValues.ascii(b, off, len));
    }

    /** Parsed as a float directly: through a double the value would be rounded twice. */
    public static float parseFloat(byte[] b, int off, int len) {
        double special = special(b, off, len);
        return special == special || isNan(b, off, len)
                ? (float) special
                : Float.parseFloat(TextValues.ascii(b, off, len));
    }

    /** ±inf, ±infinity or ±nan in any case; for anything else NaN, which isNan tells apart. */
    private static double special(byte[] b, int off, int len) {
        if (len < 3 || len > 9) {
            return Double.NaN;
        }
        int i = off;
        double sign = 1;
        if (b[i] == '-' || b[i] == '+') {
            sign = b[i] == '-' ? -1 : 1;
            i++;
        }
        if ((b[i] | 0x20) != 'i') {
            return Double.NaN; // the common case, a number: no String
        }
        String word = TextValues.ascii(b, i, off + len - i).toLowerCase(java.util.Locale.ROOT);
        if (word.equals("inf") || word.equals("infinity")) {
            return sign * Double.POSITIVE_INFINITY;
        }
        return Double.NaN;
    }

    private static boolean isNan(byte[] b, int off, int len) {
        int i = off;
        if (len > 0 && (b[i] == '-' || b[i] == '+')) {
            i++;
        }
        return off + len - i == 3
                && (b[i] | 0x20) == 'n'
                && (b[i + 1] | 0x20) == 'a'
                && (b[i + 2] | 0x20) == 'n';
    }
}
