package io.flotilla.formats.yson;

import io.flotilla.formats.MalformedRecordException;
import io.flotilla.formats.RowDeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/** Reads one YSON map (text or binary) per message into a row. */
public final class YsonRowDataDeserializationSchema extends RowDeserializationSchema {
    private static final long serialVersionUID = 1L;

    private transient YsonReaders.Reader reader;
    private transient YsonParser parser;

    public YsonRowDataDeserializationSchema(
            RowType rowType,
            TypeInformation<RowData> producedType,
            boolean ignoreParseErrors,
            boolean failOnMissingField) {
        super(rowType, producedType, ignoreParseErrors, failOnMissingField);
        // Fail at planning time, not on the first record, for unsupported column types.
        new YsonReaders("YSON", failOnMissingField).create(rowType, "");
    }

    @Override
    protected void prepare() {
        reader = new YsonReaders("YSON", failOnMissingField).create(rowType, "");
        parser = new YsonParser("YSON");
    }

    @Override
    protected RowData parse(byte[] message) throws MalformedRecordException {
        YsonParser p = parser;
        p.reset(message, 0, message.length, 0);
        p.skipAttributes();
        if (p.peek() == YsonParser.ENTITY) {
            throw p.error("the record is an entity (#); expected a map");
        }
        RowData row = (RowData) reader.read(p);
        p.field = null;
        if (p.peek() == YsonParser.ITEM_SEP) {
            p.consume();
        }
        if (p.peek() != YsonParser.EOF) {
            throw p.error("trailing data after the record's map");
        }
        return row;
    }
}
