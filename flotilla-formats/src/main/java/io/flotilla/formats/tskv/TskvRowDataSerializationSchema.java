package io.flotilla.formats.tskv;

import io.flotilla.formats.RowSerializationSchema;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/** Writes each row as one TSKV line (no line terminator: line-based connectors add it). */
public final class TskvRowDataSerializationSchema extends RowSerializationSchema {
    private static final long serialVersionUID = 1L;
    private static final byte[] PREFIX = "tskv".getBytes(StandardCharsets.US_ASCII);

    private final boolean writePrefix;

    private transient byte[][] keys;
    private transient RowData.FieldGetter[] getters;
    private transient TskvValues.Encoder[] encoders;
    private transient TskvEscapes.Out out;

    public TskvRowDataSerializationSchema(RowType rowType, boolean writePrefix) {
        super(rowType);
        this.writePrefix = writePrefix;
        init();
    }

    @Override
    protected Object writeOption() {
        return writePrefix;
    }

    @Override
    protected void prepare() {
        int n = rowType.getFieldCount();
        keys = new byte[n][];
        getters = new RowData.FieldGetter[n];
        TskvValues.Encoder[] fieldEncoders = new TskvValues.Encoder[n];
        for (int i = 0; i < n; i++) {
            String name = rowType.getFieldNames().get(i);
            byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
            TskvEscapes.Out key = new TskvEscapes.Out();
            TskvEscapes.escape(utf8, 0, utf8.length, true, key);
            key.add((byte) '=');
            keys[i] = Arrays.copyOf(key.buf, key.len);
            getters[i] = RowData.createFieldGetter(rowType.getTypeAt(i), i);
            fieldEncoders[i] = TskvValues.encoder(rowType.getTypeAt(i), name);
        }
        out = new TskvEscapes.Out();
        encoders = fieldEncoders;
    }

    @Override
    protected byte[] write(RowData row) {
        TskvEscapes.Out o = out;
        o.len = 0;
        boolean separate = false;
        if (writePrefix) {
            o.add(PREFIX);
            separate = true;
        }
        for (int i = 0; i < keys.length; i++) {
            // NULL is an absent key; an empty value reads back as '' for strings, NULL otherwise.
            Object value = getters[i].getFieldOrNull(row);
            if (value == null) {
                continue;
            }
            if (separate) {
                o.add((byte) '\t');
            }
            separate = true;
            o.add(keys[i]);
            byte[] bytes = encoders[i].encode(value);
            TskvEscapes.escape(bytes, 0, bytes.length, false, o);
        }
        return Arrays.copyOf(o.buf, o.len);
    }
}
