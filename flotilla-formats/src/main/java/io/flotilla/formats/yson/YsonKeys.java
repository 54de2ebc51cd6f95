package io.flotilla.formats.yson;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Keys of one YSON map that name no column, to refuse a repeated one; and keys as they appear in
 * error messages (printable, at most 64 characters).
 */
final class YsonKeys {
    static final String FIX = " in a map; write each key once";
    private static final int SHOWN = 64;

    private Set<ByteBuffer> seen;

    /** Remembers a key and returns a copy of it; null when the map already had it. */
    byte[] add(byte[] b, int off, int len) {
        if (seen == null) {
            seen = new HashSet<>();
        }
        byte[] copy = new byte[len];
        System.arraycopy(b, off, copy, 0, len);
        return seen.add(ByteBuffer.wrap(copy)) ? copy : null;
    }

    static String describe(byte[] b, int off, int len) {
        return describe(new String(b, off, len, StandardCharsets.UTF_8));
    }

    /** The key quoted, control characters as \\xHH, cut at 64 characters. */
    static String describe(String key) {
        StringBuilder out = new StringBuilder("'");
        int n = Math.min(key.length(), SHOWN);
        for (int i = 0; i < n; i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append(key.length() > SHOWN ? "...'" : "'").toString();
    }
}
