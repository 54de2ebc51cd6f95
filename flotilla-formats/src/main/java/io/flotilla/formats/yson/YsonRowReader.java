package io.flotilla.formats.yson;

import static io.flotilla.formats.yson.YsonParser.BEGIN_MAP;
import static io.flotilla.formats.yson.YsonParser.END_MAP;
import static io.flotilla.formats.yson.YsonParser.KV_SEP;
import static io.flotilla.formats.yson.YsonParser.STRING;

import io.flotilla.formats.FieldLookup;
import io.flotilla.formats.MalformedRecordException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.types.logical.RowType;

/** Reads a YSON map into a row: keys matched as bytes, unknown keys skipped. */
final class YsonRowReader extends YsonReaders.Reader {
    private final byte[][] names;
    private final String[] paths;
    private final String[] keys;
    private final YsonReaders.Reader[] fields;
    private final boolean failOnMissingField;
    // Reused: a ROW type cannot contain itself, so one reader reads one map at a time.
    private final YsonKeys unknownKeys = new YsonKeys();

    YsonRowReader(RowType type, String path, YsonReaders readers, boolean failOnMissingField) {
        super(path);
        int n = type.getFieldCount();
        names = new byte[n][];
        paths = new String[n];
        keys = new String[n];
        fields = new YsonReaders.Reader[n];
        this.failOnMissingField = failOnMissingField;
        for (int i = 0; i < n; i++) {
            String name = type.getFieldNames().get(i);
            names[i] = name.getBytes(StandardCharsets.UTF_8);
            keys[i] = name;
            paths[i] = path.isEmpty() ? name : path + "." + name;
            fields[i] = readers.create(type.getTypeAt(i), paths[i]);
        }
    }

    @Override
    Object readValue(YsonParser p) throws MalformedRecordException {
        p.expect(BEGIN_MAP);
        p.enter();
        int n = fields.length;
        GenericRowData row = new GenericRowData(n);
        // Keys read so far, to refuse a repeated one: a bit mask, an array only for wide rows.
        long seenBits = 0;
        boolean[] seen = n > 64 ? new boolean[n] : null;
        YsonKeys unknown = null;
        int next = 0;
        while (true) {
            int k = p.peek();
            if (k == END_MAP) {
                p.consume();
                p.leave();
                break;
            }
            if (k != STRING) {
                throw p.error("expected a key or '}', got " + YsonParser.name(k));
            }
            long at = p.offset();
            p.readString();
            int i = FieldLookup.find(names, p.sliceBuf, p.sliceOff, p.sliceLen, next);
            if (i < 0) {
                if (unknown == null) {
                    unknown = unknownKeys;
                    unknown.clear();
                }
                if (!unknown.add(p.sliceBuf, p.sliceOff, p.sliceLen, p.sliceBuf == p.buf)) {
                    throw duplicate(p, at, YsonKeys.describe(p.sliceBuf, p.sliceOff, p.sliceLen));
                }
                p.expect(KV_SEP);
                try {
                    p.skipValue();
                } catch (MalformedRecordException e) {
                    // Name the unknown key: the value nobody reads is still part of the record.
                    String name = unknown.last();
                    p.field = path.isEmpty() ? name : path + "." + name;
                    throw p.error(e.offset(), e.problem());
                }
            } else {
                if (seen == null ? (seenBits & (1L << i)) != 0 : seen[i]) {
                    throw duplicate(p, at, YsonKeys.describe(keys[i]));
                }
                p.expect(KV_SEP);
                row.setField(i, fields[i].read(p));
                if (seen == null) {
                    seenBits |= 1L << i;
                } else {
                    seen[i] = true;
                }
                next = i + 1;
            }
            p.field = path.isEmpty() ? null : path;
            YsonReaders.separator(p, END_MAP);
        }
        if (failOnMissingField) {
            for (int i = 0; i < n; i++) {
                if (seen == null ? (seenBits & (1L << i)) == 0 : !seen[i]) {
                    p.field = paths[i];
                    throw p.error(
                            "the field is missing and fail-on-missing-field is true; add it"
                                    + " to the record (# for NULL) or set the option to false");
                }
            }
        }
        return row;
    }

    private MalformedRecordException duplicate(YsonParser p, long at, String key) {
        p.field = path.isEmpty() ? null : path;
        return p.error(at, "duplicate key " + key + YsonKeys.FIX);
    }
}
