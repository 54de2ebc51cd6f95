package io.flotilla.formats.yson;

import java.util.Objects;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/** Writes each row as one YSON map, text or binary. */
public final class YsonRowDataSerializationSchema implements SerializationSchema<RowData> {
    private static final long serialVersionUID = 1L;

    private final RowType rowType;
    private final YsonFormatOptions.Encoding encoding;

    private transient YsonWriters.Writer writer;
    private transient YsonWriter out;

    public YsonRowDataSerializationSchema(RowType rowType, YsonFormatOptions.Encoding encoding) {
        this.rowType = rowType;
        this.encoding = encoding;
        new YsonWriters("YSON", false).create(rowType, "");
    }

    @Override
    public void open(InitializationContext context) {
        init();
    }

    private void init() {
        if (writer == null) {
            boolean binary = encoding == YsonFormatOptions.Encoding.BINARY;
            writer = new YsonWriters("YSON", binary).create(rowType, "");
            out = new YsonWriter(binary);
        }
    }

    @Override
    public byte[] serialize(RowData row) {
        init();
        out.reset();
        writer.write(out, row);
        return out.toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof YsonRowDataSerializationSchema that
                && rowType.equals(that.rowType)
                && encoding == that.encoding;
    }

    @Override
    public int hashCode() {
        return Objects.hash(rowType, encoding);
    }
}
