package io.flotilla.formats.yson;

import static io.flotilla.formats.yson.YsonParser.BEGIN_ATTRS;
import static io.flotilla.formats.yson.YsonParser.BEGIN_LIST;
import static io.flotilla.formats.yson.YsonParser.BEGIN_MAP;
import static io.flotilla.formats.yson.YsonParser.BOOLEAN;
import static io.flotilla.formats.yson.YsonParser.DOUBLE;
import static io.flotilla.formats.yson.YsonParser.END_ATTRS;
import static io.flotilla.formats.yson.YsonParser.END_LIST;
import static io.flotilla.formats.yson.YsonParser.END_MAP;
import static io.flotilla.formats.yson.YsonParser.ENTITY;
import static io.flotilla.formats.yson.YsonParser.INT64;
import static io.flotilla.formats.yson.YsonParser.ITEM_SEP;
import static io.flotilla.formats.yson.YsonParser.KV_SEP;
import static io.flotilla.formats.yson.YsonParser.STRING;
import static io.flotilla.formats.yson.YsonParser.UINT64;
import static io.flotilla.formats.yson.YsonParser.name;

import io.flotilla.formats.MalformedRecordException;

/** Skips YSON values nobody reads: attributes, and values under keys that name no column. */
final class YsonSkipping {
    private YsonSkipping() {}

    /** Skips attributes {@code <...>} in front of a value: they carry no column data. */
    static void skipAttributes(YsonParser p) throws MalformedRecordException {
        if (p.peek() != BEGIN_ATTRS) {
            return;
        }
        p.consume();
        skipKeyedItems(p, END_ATTRS);
    }

    private static void skipKeyedItems(YsonParser p, int close) throws MalformedRecordException {
        while (true) {
            int k = p.peek();
            if (k == close) {
                p.consume();
                return;
            }
            if (k != STRING) {
                throw p.error("expected a key or " + name(close) + ", got " + name(k));
            }
            p.readString();
            p.expect(KV_SEP);
            skipValue(p);
            k = p.peek();
            if (k == ITEM_SEP) {
                p.consume();
            } else if (k != close) {
                throw p.error("expected ';' or " + name(close) + ", got " + name(k));
            }
        }
    }

    /** Skips one whole value with its attributes (unknown keys, ignored columns). */
    static void skipValue(YsonParser p) throws MalformedRecordException {
        skipAttributes(p);
        int k = p.peek();
        switch (k) {
            case BEGIN_MAP:
                p.consume();
                skipKeyedItems(p, END_MAP);
                return;
            case BEGIN_LIST:
                p.consume();
                while (true) {
                    if (p.peek() == END_LIST) {
                        p.consume();
                        return;
                    }
                    skipValue(p);
                    int n = p.peek();
                    if (n == ITEM_SEP) {
                        p.consume();
                    } else if (n != END_LIST) {
                        throw p.error("expected ';' or ']', got " + name(n));
                    }
                }
            case ENTITY:
                p.consume();
                return;
            case STRING:
                p.readString();
                return;
            case INT64:
            case UINT64:
                p.readLong();
                return;
            case DOUBLE:
                p.readDouble();
                return;
            case BOOLEAN:
                p.readBoolean();
                return;
            default:
                throw p.error("expected a value, got " + name(k));
        }
    }
}
