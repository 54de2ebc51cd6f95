package io.flotilla.formats.yson;

import io.flotilla.formats.MalformedRecordException;
import java.math.BigInteger;

/** The binary forms of YSON scalars: protobuf varints (zigzag for signed) and doubles. */
final class YsonBinaryScalars {
    /** A 64-bit varint has at most 10 bytes; the 10th holds only the top bit. */
    static final int MAX_VARINT_BYTES = 10;

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private YsonBinaryScalars() {}

    /** Reads a varint at the position; errors name the offset where the varint starts. */
    static long readVarint(YsonParser p) throws MalformedRecordException {
        int start = p.pos;
        long result = 0;
        for (int i = 0; i < MAX_VARINT_BYTES; i++) {
            if (p.pos >= p.end) {
                throw varintError(p, start, "varint runs past the end of the record");
            }
            byte b = p.buf[p.pos++];
            if (i == MAX_VARINT_BYTES - 1 && (b & 0x7f) > 1) {
                throw varintError(p, start, "varint overflows 64 bits");
            }
            result |= (long) (b & 0x7f) << (7 * i);
            if (b >= 0) {
                return result;
            }
        }
        throw varintError(p, start, "varint longer than " + MAX_VARINT_BYTES + " bytes");
    }

    private static MalformedRecordException varintError(YsonParser p, int start, String problem) {
        p.pos = start;
        return p.error(problem);
    }

    static long zigzag(long n) {
        return (n >>> 1) ^ -(n & 1);
    }

    /** A uint64 held in a long (negative above Long.MAX_VALUE) as its exact value. */
    static BigInteger unsigned(long v) {
        BigInteger b = BigInteger.valueOf(v);
        return v >= 0 ? b : b.add(TWO_64);
    }

    /** A binary double: the marker at the position, then 8 bytes little-endian. */
    static double readDouble(YsonParser p) throws MalformedRecordException {
        if (p.end - p.pos < 9) {
            throw p.error("binary double needs 8 bytes");
        }
        long bits = 0;
        for (int i = 8; i >= 1; i--) {
            bits = (bits << 8) | (p.buf[p.pos + i] & 0xffL);
        }
        p.pos += 9;
        return Double.longBitsToDouble(bits);
    }
}
