package io.flotilla.formats.yson;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The keys of one YSON map that name no column, to refuse a repeated one; reused map after map.
 * Keys are slices of the record (copied only when unescaped into the parser's scratch buffer),
 * compared one by one while few and through a hash set beyond that, so that neither a record with a
 * few unknown keys pays for a set nor one with thousands takes quadratic time. Also renders keys
 * for error messages (printable, at most 64 characters).
 */
final class YsonKeys {
    static final String FIX = " in a map; write each key once";
    private static final int SHOWN = 64;
    private static final int LINEAR = 16;

    private ByteBuffer[] keys = new ByteBuffer[LINEAR];
    private int size;
    private Set<ByteBuffer> hashed;

    /** Forgets the previous map's keys. */
    void clear() {
        size = 0;
        hashed = null;
    }

    /**
     * Remembers a key; false when the map already had it. {@code stable} says the bytes stay put
     * until the record is done (a slice of the record, not of a scratch buffer).
     */
    boolean add(byte[] b, int off, int len, boolean stable) {
        ByteBuffer key =
                stable
                        ? ByteBuffer.wrap(b, off, len)
                        : ByteBuffer.wrap(Arrays.copyOfRange(b, off, off + len));
        if (hashed != null) {
            if (!hashed.add(key)) {
                return false;
            }
        } else {
            for (int i = 0; i < size; i++) {
                if (keys[i].equals(key)) {
                    return false;
                }
            }
            if (size == LINEAR) {
                hashed = new HashSet<>(Arrays.asList(keys));
                hashed.add(key);
            }
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
        }
        keys[size++] = key;
        return true;
    }

    /** The key added last, as a string (for the field of an error under it). */
    String last() {
        ByteBuffer k = keys[size - 1].duplicate();
        byte[] bytes = new byte[k.remaining()];
        k.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
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
