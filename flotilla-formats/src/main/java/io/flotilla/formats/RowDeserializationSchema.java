package io.flotilla.formats;

import java.io.IOException;
import java.util.Objects;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/**
 * The shared shell of the formats' row readers: null messages, ignore-parse-errors with its
 * 'skippedRecords' counter, one-time setup of the per-task parsing state, and equality.
 */
public abstract class RowDeserializationSchema implements DeserializationSchema<RowData> {
    private static final long serialVersionUID = 1L;

    protected final RowType rowType;
    protected final boolean failOnMissingField;
    private final TypeInformation<RowData> producedType;
    private final boolean ignoreParseErrors;

    private transient SkippedRecords skipped;

    protected RowDeserializationSchema(
            RowType rowType,
            TypeInformation<RowData> producedType,
            boolean ignoreParseErrors,
            boolean failOnMissingField) {
        this.rowType = rowType;
        this.producedType = producedType;
        this.ignoreParseErrors = ignoreParseErrors;
        this.failOnMissingField = failOnMissingField;
    }

    /** Builds the transient parsing state; runs once per instance, after deserialization too. */
    protected abstract void prepare();

    /** Parses one non-null message; a bad record is a {@link MalformedRecordException}. */
    protected abstract RowData parse(byte[] message) throws MalformedRecordException;

    @Override
    public void open(InitializationContext context) {
        init();
        skipped.register(context.getMetricGroup());
    }

    /** Prepares now unless already done: subclasses may call it to fail at planning time. */
    protected final void init() {
        if (skipped == null) {
            prepare();
            skipped = new SkippedRecords();
        }
    }

    @Override
    public final RowData deserialize(byte[] message) throws IOException {
        if (message == null) {
            return null;
        }
        init();
        try {
            return parse(message);
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
        return o != null
                && o.getClass() == getClass()
                && rowType.equals(((RowDeserializationSchema) o).rowType)
                && ignoreParseErrors == ((RowDeserializationSchema) o).ignoreParseErrors
                && failOnMissingField == ((RowDeserializationSchema) o).failOnMissingField;
    }

    @Override
    public int hashCode() {
        return Objects.hash(rowType, ignoreParseErrors, failOnMissingField);
    }
}
