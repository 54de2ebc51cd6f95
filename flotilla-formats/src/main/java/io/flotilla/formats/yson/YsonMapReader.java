package io.flotilla.formats.yson;

import static io.flotilla.formats.yson.YsonParser.BEGIN_LIST;
import static io.flotilla.formats.yson.YsonParser.BEGIN_MAP;
import static io.flotilla.formats.yson.YsonParser.END_LIST;
import static io.flotilla.formats.yson.YsonParser.END_MAP;
import static io.flotilla.formats.yson.YsonParser.ITEM_SEP;
import static io.flotilla.formats.yson.YsonParser.KV_SEP;

import io.flotilla.formats.MalformedRecordException;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.table.data.GenericMapData;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.MapType;

/**
 * Reads a MAP column: with string keys from a YSON map, otherwise (and also for string keys) from a
 * list of {@code [key; value]} pairs, as YTsaurus writes dicts. A repeated key is refused.
 */
final class YsonMapReader extends YsonReaders.Reader {
    private final boolean stringKeys;
    private final YsonReaders.Reader key;
    private final YsonReaders.Reader value;

    YsonMapReader(MapType type, YsonReaders.Reader key, YsonReaders.Reader value, String path) {
        super(path);
        LogicalTypeRoot keyRoot = type.getKeyType().getTypeRoot();
        this.stringKeys = keyRoot == LogicalTypeRoot.VARCHAR || keyRoot == LogicalTypeRoot.CHAR;
        this.key = key;
        this.value = value;
    }

    @Override
    Object readValue(YsonParser p) throws MalformedRecordException {
        Map<Object, Object> map = new HashMap<>();
        if (stringKeys && p.peek() == BEGIN_MAP) {
            p.consume();
            p.enter();
            while (p.peek() != END_MAP) {
                long at = p.offset();
                Object k = key.read(p);
                p.expect(KV_SEP);
                put(p, map, at, k, value.read(p));
                p.field = path;
                YsonReaders.separator(p, END_MAP);
            }
        } else {
            p.expect(BEGIN_LIST);
            p.enter();
            while (p.peek() != END_LIST) {
                p.skipAttributes();
                p.expect(BEGIN_LIST);
                p.enter();
                long at = p.offset();
                Object k = key.read(p);
                p.field = path;
                p.expect(ITEM_SEP);
                Object v = value.read(p);
                p.field = path;
                if (p.peek() == ITEM_SEP) {
                    p.consume();
                }
                p.expect(END_LIST);
                p.leave();
                put(p, map, at, k, v);
                YsonReaders.separator(p, END_LIST);
            }
        }
        p.consume();
        p.leave();
        return new GenericMapData(map);
    }

    private void put(YsonParser p, Map<Object, Object> map, long at, Object k, Object v)
            throws MalformedRecordException {
        if (map.containsKey(k)) {
            p.field = path;
            throw p.error(
                    at, "duplicate key " + YsonKeys.describe(String.valueOf(k)) + YsonKeys.FIX);
        }
        map.put(k, v);
    }
}
