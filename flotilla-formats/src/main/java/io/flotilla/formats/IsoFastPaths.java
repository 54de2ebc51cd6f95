package io.flotilla.formats;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.TimestampData;

/**
 * Byte-level fast paths for the common shapes of ISO timestamps, dates and plain decimals; each
 * returns null when the input has another shape, and the caller falls back to java.time/BigDecimal.
 */
final class IsoFastPaths {
    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private IsoFastPaths() {}

    /** yyyy-MM-dd as epoch day, or null. */
    static Integer date(byte[] b, int off, int len) {
        if (len != 10 || b[off + 4] != '-' || b[off + 7] != '-') {
            return null;
        }
        int y = digits(b, off, 4);
        int m = digits(b, off + 5, 2);
        int d = digits(b, off + 8, 2);
        if (y < 0 || m < 0 || d < 0) {
            return null;
        }
        try {
            return (int) LocalDate.of(y, m, d).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** yyyy-MM-dd[T ]HH:mm:ss[.f{1,9}] as a timestamp, or null. */
    static TimestampData timestamp(byte[] b, int off, int len) {
        if (len < 19 || (b[off + 10] != 'T' && b[off + 10] != ' ')) {
            return null;
        }
        Integer day = date(b, off, 10);
        if (day == null || b[off + 13] != ':' || b[off + 16] != ':') {
            return null;
        }
        int h = digits(b, off + 11, 2);
        int mi = digits(b, off + 14, 2);
        int s = digits(b, off + 17, 2);
        if (h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) {
            return null;
        }
        int nanos = 0;
        if (len > 19) {
            int fraction = len - 20;
            if (b[off + 19] != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            int f = digits(b, off + 20, fraction);
            if (f < 0) {
                return null;
            }
            nanos = f * (int) POW10[9 - fraction];
        }
        long millis =
                day * MILLIS_PER_DAY
                        + h * 3_600_000L
                        + mi * 60_000L
                        + s * 1000L
                        + nanos / 1_000_000;
        return TimestampData.fromEpochMillis(millis, nanos % 1_000_000);
    }

    /** A plain decimal ([+-]digits[.digits]) of a compact DECIMAL(p &lt;= 18, s), or null. */
    static DecimalData decimal(byte[] b, int off, int len, int precision, int scale) {
        if (precision > 18 || len == 0 || len > 20) {
            return null;
        }
        int i = off;
        int end = off + len;
        boolean negative = b[i] == '-';
        if (b[i] == '-' || b[i] == '+') {
            i++;
        }
        long unscaled = 0;
        int digits = 0;
        int fraction = -1;
        boolean sawDigit = false;
        for (; i < end; i++) {
            byte c = b[i];
            if (c == '.' && fraction < 0) {
                fraction = 0;
                continue;
            }
            if (c < '0' || c > '9') {
                return null;
            }
            sawDigit = true;
            unscaled = unscaled * 10 + (c - '0');
            if (unscaled != 0) {
                digits++;
            }
            if (fraction >= 0) {
                fraction++;
            }
        }
        if (!sawDigit) {
            return null;
        }
        int s = Math.max(fraction, 0);
        if (s > scale || digits + (scale - s) > precision) {
            return null; // needs rounding or does not fit: the slow path decides
        }
        unscaled *= POW10[scale - s];
        return DecimalData.fromUnscaledLong(negative ? -unscaled : unscaled, precision, scale);
    }

    /** Writes a timestamp as yyyy-MM-ddTHH:mm:ss[.SSS[SSS[SSS]]] for years 0..9999, else null. */
    static byte[] timestamp(TimestampData ts) {
        long millis = ts.getMillisecond();
        long day = Math.floorDiv(millis, MILLIS_PER_DAY);
        long ms = Math.floorMod(millis, MILLIS_PER_DAY);
        LocalDate date = LocalDate.ofEpochDay(day);
        int y = date.getYear();
        if (y < 0 || y > 9999) {
            return null;
        }
        int nanos = (int) (ms % 1000) * 1_000_000 + ts.getNanoOfMillisecond();
        int fraction = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1000 == 0 ? 6 : 9;
        byte[] out = new byte[fraction == 0 ? 19 : 20 + fraction];
        put(out, 0, y, 4);
        out[4] = '-';
        put(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        put(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        int secs = (int) (ms / 1000);
        put(out, 11, secs / 3600, 2);
        out[13] = ':';
        put(out, 14, secs / 60 % 60, 2);
        out[16] = ':';
        put(out, 17, secs % 60, 2);
        if (fraction > 0) {
            out[19] = '.';
            put(out, 20, nanos / (int) POW10[9 - fraction], fraction);
        }
        return out;
    }

    /** Writes a compact decimal from its unscaled long, or null when it is not compact. */
    static byte[] decimal(DecimalData d) {
        if (!d.isCompact()) {
            return null;
        }
        long unscaled = d.toUnscaledLong();
        int scale = d.scale();
        if (unscaled == Long.MIN_VALUE) {
            return null;
        }
        boolean negative = unscaled < 0;
        long abs = Math.abs(unscaled);
        int digits = 1;
        while (digits < 19 && abs >= POW10[digits]) {
            digits++;
        }
        int intDigits = Math.max(digits - scale, 1);
        int len = (negative ? 1 : 0) + intDigits + (scale > 0 ? 1 + scale : 0);
        byte[] out = new byte[len];
        int p = len - 1;
        for (int i = 0; i < scale; i++) {
            out[p--] = (byte) ('0' + abs % 10);
            abs /= 10;
        }
        if (scale > 0) {
            out[p--] = '.';
        }
        for (int i = 0; i < intDigits; i++) {
            out[p--] = (byte) ('0' + abs % 10);
            abs /= 10;
        }
        if (negative) {
            out[0] = '-';
        }
        return out;
    }

    private static void put(byte[] out, int at, long value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    private static int digits(byte[] b, int off, int n) {
        int v = 0;
        for (int i = off; i < off + n; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
