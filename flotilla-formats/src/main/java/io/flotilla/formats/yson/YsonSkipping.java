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

/**
 * Skips YSON values nobody reads (attributes, values under keys that name no column) without
 * recursion: an explicit stack of open containers, bounded by {@link YsonParser#MAX_DEPTH}, so that
 * no record can overflow the thread's stack.
 */
final class YsonSkipping {
    /**
     * The states between tokens: a value is due (its attributes allowed, or not once read), a key
     * or the container's end is due, a list item or ']' is due, or a separator or end is due.
     */
    private static final int VALUE = 0;

    private static final int VALUE_AFTER_ATTRS = 1;
    private static final int KEY = 2;
    private static final int ITEM = 3;
    private static final int AFTER = 4;

    private YsonSkipping() {}

    /** Skips attributes {@code <...>} in front of a value: they carry no column data. */
    static void skipAttributes(YsonParser p) throws MalformedRecordException {
        if (p.peek() == BEGIN_ATTRS) {
            skip(p, true);
        }
    }

    /** Skips one whole value with its attributes (unknown keys, ignored columns). */
    static void skipValue(YsonParser p) throws MalformedRecordException {
        skip(p, false);
    }

    /**
     * Skips one value, or with {@code attrsOnly} just the attributes in front of the next value.
     */
    private static void skip(YsonParser p, boolean attrsOnly) throws MalformedRecordException {
        int base = p.depth;
        int[] open = p.openStack();
        int state = VALUE;
        while (true) {
            int k = p.peek();
            switch (state) {
                case VALUE:
                case VALUE_AFTER_ATTRS:
                    if (k == BEGIN_ATTRS && state == VALUE) {
                        push(p, open, BEGIN_ATTRS);
                        state = KEY;
                    } else if (k == BEGIN_MAP) {
                        push(p, open, BEGIN_MAP);
                        state = KEY;
                    } else if (k == BEGIN_LIST) {
                        push(p, open, BEGIN_LIST);
                        state = ITEM;
                    } else {
                        skipScalar(p, k);
                        state = AFTER;
                    }
                    break;
                case KEY:
                    if (k == close(open[p.depth - 1])) {
                        state = pop(p, open);
                    } else if (k == STRING) {
                        p.readString();
                        p.expect(KV_SEP);
                        state = VALUE;
                    } else {
                        throw p.error(
                                "expected a key or "
                                        + name(close(open[p.depth - 1]))
                                        + ", got "
                                        + name(k));
                    }
                    break;
                case ITEM:
                    state = k == END_LIST ? pop(p, open) : VALUE;
                    break;
                default: // AFTER
                    if (p.depth == base) {
                        return;
                    }
                    int top = open[p.depth - 1];
                    if (k == ITEM_SEP) {
                        p.consume();
                        state = top == BEGIN_LIST ? ITEM : KEY;
                    } else if (k == close(top)) {
                        state = pop(p, open);
                    } else {
                        throw p.error("expected ';' or " + name(close(top)) + ", got " + name(k));
                    }
            }
            if (attrsOnly && state == VALUE_AFTER_ATTRS && p.depth == base) {
                return;
            }
        }
    }

    private static void push(YsonParser p, int[] open, int kind) throws MalformedRecordException {
        p.enter();
        open[p.depth - 1] = kind;
        p.consume();
    }

    /** Consumes the closing token; attributes are followed by their value, others by AFTER. */
    private static int pop(YsonParser p, int[] open) {
        int kind = open[p.depth - 1];
        p.consume();
        p.leave();
        return kind == BEGIN_ATTRS ? VALUE_AFTER_ATTRS : AFTER;
    }

    private static int close(int open) {
        return open == BEGIN_MAP ? END_MAP : open == BEGIN_LIST ? END_LIST : END_ATTRS;
    }

    private static void skipScalar(YsonParser p, int k) throws MalformedRecordException {
        switch (k) {
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
