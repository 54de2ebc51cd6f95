package io.flotilla.formats.yson;

import io.flotilla.formats.RowSerializationSchema;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/** Writes each row as one YSON map, text or binary. */
public final class YsonRowDataSerializationSchema extends RowSerializationSchema {
    private static final long serialVersionUID = 1L;

    private final YsonFormatOptions.Encoding encoding;

    private transient YsonWriters.Writer writer;
    private transient YsonWriter out;

    public YsonRowDataSerializationSchema(RowType rowType, YsonFormatOptions.Encoding encoding) {
        super(rowType);
        this.encoding = encoding;
        new YsonWriters("YSON", false).create(rowType, "");
    }

    @Override
    protected Object writeOption() {
        return encoding;
    }

    @Override
    protected void prepare() {
        boolean binary = encoding == YsonFormatOptions.Encoding.BINARY;
        writer = new YsonWriters("YSON", binary).create(rowType, "");
        out = new YsonWriter(binary);
    }

    @Override
    protected byte[] write(RowData row) {
        out.reset();
        writer.write(out, row);
        return out.toByteArray();
    }
}
