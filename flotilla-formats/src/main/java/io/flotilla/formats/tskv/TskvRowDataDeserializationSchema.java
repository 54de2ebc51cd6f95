package io.flotilla.formats.tskv;

import io.flotilla.formats.FieldLookup;
import io.flotilla.formats.MalformedRecordException;
import io.flotilla.formats.RowDeserializationSchema;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/** Reads one TSKV line per message into a row, scanning bytes: no regex, no String per key. */
public final class TskvRowDataDeserializationSchema extends RowDeserializationSchema {
    private static final long serialVersionUID = 1L;
    private static final byte[] PREFIX = "tskv".getBytes(StandardCharsets.US_ASCII);

    private transient byte[][] names;
    private transient TskvValues.Decoder[] decoders;
    private transient TskvEscapes.Out keyScratch;
    private transient TskvEscapes.Out valueScratch;

    public TskvRowDataDeserializationSchema(
            RowType rowType,
            TypeInformation<RowData> producedType,
            boolean ignoreParseErrors,
            boolean failOnMissingField) {
        super(rowType, producedType, ignoreParseErrors, failOnMissingField);
        init(); // fails at planning time for unsupported column types
    }

    @Override
    protected void prepare() {
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
        decoders = fieldDecoders;
    }

    @Override
    protected RowData parse(byte[] m) throws MalformedRecordException {
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
                i = FieldLookup.find(names, keyScratch.buf, 0, len, next);
            } else {
                i = FieldLookup.find(names, m, start, keyEnd - start, next);
            }
            if (i >= 0) {
                Object value;
                if (valueEnd - valueStart == 2
                        && m[valueStart] == '\\'
                        && m[valueStart + 1] == 'N') {
                    value = null; // ClickHouse's NULL
                } else if (valueEscaped) {
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
}
