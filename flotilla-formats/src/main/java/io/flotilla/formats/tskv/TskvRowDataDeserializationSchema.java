package io.flotilla.formats.tskv;

import io.flotilla.formats.MalformedRecordException;
import io.flotilla.formats.SkippedRecords;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/** Reads one TSKV line per message into a row, scanning bytes: no regex, no String per key. */
public final class TskvRowDataDeserializationSchema implements DeserializationSchema<RowData> {
    private static final long serialVersionUID = 1L;
    private static final byte[] PREFIX = "tskv".getBytes(StandardCharsets.US_ASCII);

    private final RowType rowType;
    private final TypeInformation<RowData> producedType;
    private final boolean ignoreParseErrors;
    private final boolean failOnMissingField;

    private transient byte[][] names;
    private transient TskvValues.Decoder[] decoders;
    private transient TskvEscapes.Out keyScratch;
    private transient TskvEscapes.Out valueScratch;
    private transient SkippedRecords skipped;

    public TskvRowDataDeserializationSchema(
            RowType rowType,
            TypeInformation<RowData> producedType,
            boolean ignoreParseErrors,
            boolean failOnMissingField) {
        this.rowType = rowType;
        this.producedType = producedType;
        this.ignoreParseErrors = ignoreParseErrors;
        this.failOnMissingField = failOnMissingField;
        init(); // fails at planning time for unsupported column types
    }

    @Override
    public void open(InitializationContext context) {
        init();
        skipped.register(context.getMetricGroup());
    }

    private void init() {
        if (decoders != null) {
            return;
        }
        int n = rowType.getFieldCount();
        byte[][] fieldNames = new byte[n][];
        TskvValues.Decoder[] fieldDecoders = new TskvValues.Decoder[n];
        for (int i = 0; i < n; i++) {
            String name = rowType.getFieldNames().get(i);
            fieldNames[i] = name.getBytes(StandardCharsets.UTF_8);
            fieldDecoders[i] = TskvValues.decoder(rowType.getTypeAt(i), name, failOnMissingField);
        }
        names = fieldNames;
        keyScratch = new TskvEscapes.Out();
        valueScratch = new TskvEscapes.Out();
        skipped = new SkippedRecords();
        decoders = fieldDecoders;
    }

    @Override
    public RowData deserialize(byte[] message) throws IOException {
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

    private RowData parse(byte[] m) throws MalformedRecordException {
        int end = m.length;
        // A raw CR or LF cannot be data (they are escaped), so they are line-ending leftovers.
        while (end > 0 && (m[end - 1] == '\n' || m[end - 1] == '\r')) {
            end--;
        }
        int n = names.length;
        GenericRowData row = new GenericRowData(n);
        boolean[] seen = failOnMissingField ? new boolean[n] : null;
        int next = 0;
        int pos = 0;
        boolean first = true;
        while (pos <= end) {
            int start = pos;
            int p = pos;
            boolean keyEscaped = false;
            while (p < end && m[p] != '=' && m[p] != '\t') {
                if (m[p] == '\\') {
                    keyEscaped = true;
                    p++;
                }
                p++;
            }
            if (p >= end || m[p] == '\t') {
                int stop = Math.min(p, end);
                boolean prefix =
                        first && stop - start == 4 && Arrays.equals(m, start, stop, PREFIX, 0, 4);
                if (stop > start && !prefix) {
                    throw new MalformedRecordException(
                            "TSKV",
                            start,
                            null,
                            "field has no '=': write key=value, or \\= for '=' in a key");
                }
                pos = stop + 1;
                first = false;
                continue;
            }
            int keyEnd = p;
            int valueStart = p + 1;
            p = valueStart;
            boolean valueEscaped = false;
            while (p < end && m[p] != '\t') {
                if (m[p] == '\\') {
                    valueEscaped = true;
                    p++;
                }
                p++;
            }
            int valueEnd = Math.min(p, end);
            int i;
            if (keyEscaped) {
                int len = TskvEscapes.unescape(m, start, keyEnd - start, keyScratch);
                i = find(keyScratch.buf, 0, len, next);
            } else {
                i = find(m, start, keyEnd - start, next);
            }
            if (i >= 0) {
                Object value;
                if (valueEscaped) {
                    int len =
                            TskvEscapes.unescape(
                                    m, valueStart, valueEnd - valueStart, valueScratch);
                    value = decoders[i].decode(valueScratch.buf, 0, len, valueStart);
                } else {
                    value = decoders[i].decode(m, valueStart, valueEnd - valueStart, valueStart);
                }
                row.setField(i, value);
                if (seen != null) {
                    seen[i] = true;
                }
                next = i + 1;
            }
            pos = valueEnd + 1;
            first = false;
        }
        if (seen != null) {
            for (int i = 0; i < n; i++) {
                if (!seen[i]) {
                    throw new MalformedRecordException(
                            "TSKV",
                            end,
                            rowType.getFieldNames().get(i),
                            "the key is missing and fail-on-missing-field is true; add it to the"
                                    + " record or set the option to false to read NULL");
                }
            }
        }
        return row;
    }

    /** Index of the column named by the key, trying the next column first: writers keep order. */
    private int find(byte[] b, int off, int len, int hint) {
        byte[][] fieldNames = names;
        int n = fieldNames.length;
        for (int j = 0; j < n; j++) {
            int i = hint + j < n ? hint + j : hint + j - n;
            byte[] name = fieldNames[i];
            if (name.length == len && Arrays.equals(name, 0, len, b, off, off + len)) {
                return i;
            }
        }
        return -1;
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
        return o instanceof TskvRowDataDeserializationSchema that
                && rowType.equals(that.rowType)
                && ignoreParseErrors == that.ignoreParseErrors
                && failOnMissingField == that.failOnMissingField;
    }

    @Override
    public int hashCode() {
        return Objects.hash(rowType, ignoreParseErrors, failOnMissingField);
    }
}
