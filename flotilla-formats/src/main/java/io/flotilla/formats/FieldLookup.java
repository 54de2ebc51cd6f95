package io.flotilla.formats;

import java.util.Arrays;

/** Finds a row field by its UTF-8 name in a record's key bytes, for the formats' row readers. */
public final class FieldLookup {
    private FieldLookup() {}

    /**
     * Index of the field named {@code b[off, off+len)}, or -1; tries {@code hint} (the field after
     * the last one found) first, because writers keep the fields in order.
     */
    public static int find(byte[][] names, byte[] b, int off, int len, int hint) {
        int n = names.length;
        for (int j = 0; j < n; j++) {
            int i = hint + j < n ? hint + j : hint + j - n;
            byte[] name = names[i];
            if (name.length == len && Arrays.equals(name, 0, len, b, off, off + len)) {
                return i;
            }
        }
        return -1;
    }
}
