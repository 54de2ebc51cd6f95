package io.flotilla.formats.yson;

import io.flotilla.formats.MalformedRecordException;
import io.flotilla.formats.SkippedRecords;
import java.io.IOException;
import java.util.Objects;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/** Reads one YSON map (text or binary) per message into a row. */
public final class YsonRowDataDeserializationSchema implements DeserializationSchema<RowData> {
    private static final long serialVersionUID = 1L;

    private final RowType rowType;
    private final TypeInformation<RowData> producedType;
    private final boolean ignoreParseErrors;
    private final boolean failOnMissingField;

    private transient YsonReaders.Reader reader;
    private transient YsonParser parser;
    private transient SkippedRecords skipped;

    public YsonRowDataDeserializationSchema(
            RowType rowType,
            TypeInformation<RowData> producedType,
            boolean ignoreParseErrors,
            boolean failOnMissingField) {
        this.rowType = rowType;
        this.producedType = producedType;
        this.ignoreParseErrors = ignoreParseErrors;
        this.failOnMissingField = failOnMissingField;
        // Fail at planning time, not on the first record, for unsupported column types.
        new YsonReaders("YSON", failOnMissingField).create(rowType, "");
    }

    @Override
    public void open(InitializationContext context) {
        init();
        skipped.register(context.getMetricGroup());
    }

    private void init() {
        if (reader == null) {
            reader = new YsonReaders("YSON", failOnMissingField).create(rowType, "");
            parser = new YsonParser("YSON");
            skipped = new SkippedRecords();
        }
    }

    @Override
    public RowData deserialize(byte[] message) throws IOException {
        if (message == null) {
            return null;
        }
        init();
        try {
            YsonParser p = parser;
            p.reset(message, 0, message.length, 0);
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
        } catch (MalformedRecordException e) {
            if (ignoreParseErrors) {
                skipped.inc();
                return null;
            }
            throw e;
        }
    }

    /** Records skipped so far under ignore-parse-errors (also the 'skippedRecords' metric). */
    public long skippedRecords() {
        init();
        return skipped.count();
    }

    @Override
    public boolean isEndOfStream(RowData nextElement) {
        return false;
    }

    @Override
    public TypeInformation<RowData> getProducedType() {
        return producedType;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof YsonRowDataDeserializationSchema that
                && rowType.equals(that.rowType)
                && ignoreParseErrors == that.ignoreParseErrors
                && failOnMissingField == that.failOnMissingField;
    }

    @Override
    public int hashCode() {
        return Objects.hash(rowType, ignoreParseErrors, failOnMissingField);
    }
}
