package io.flotilla.formats;

import java.util.Objects;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/**
 * The shared shell of the formats' row writers: one-time setup of the per-task writing state, and
 * equality by row type and the format's write option.
 */
public abstract class RowSerializationSchema implements SerializationSchema<RowData> {
    private static final long serialVersionUID = 1L;

    protected final RowType rowType;

    private transient boolean prepared;

    protected RowSerializationSchema(RowType rowType) {
        this.rowType = rowType;
    }

    /** The format's write option (e.g. TSKV's prefix, YSON's encoding), for equality. */
    protected abstract Object writeOption();

    /** Builds the transient writing state; runs once per instance, after deserialization too. */
    protected abstract void prepare();

    /** Writes one row into a new byte array. */
    protected abstract byte[] write(RowData row);

    @Override
    public void open(InitializationContext context) {
        init();
    }

    /** Prepares now unless already done: subclasses call it to fail at planning time. */
    protected final void init() {
        if (!prepared) {
            prepare();
            prepared = true;
        }
    }

    @Override
    public final byte[] serialize(RowData row) {
        init();
        return write(row);
    }

    @Override
    public boolean equals(Object o) {
        return o != null
                && o.getClass() == getClass()
                && rowType.equals(((RowSerializationSchema) o).rowType)
                && Objects.equals(writeOption(), ((RowSerializationSchema) o).writeOption());
    }

    @Override
    public int hashCode() {
        return Objects.hash(rowType, writeOption());
    }
}
