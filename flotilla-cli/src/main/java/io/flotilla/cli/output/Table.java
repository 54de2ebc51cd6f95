package io.flotilla.cli.output;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: a header and rows, each column as wide as its widest cell. */
public final class Table {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... header) {
        this.header = List.of(header);
    }

    public Table row(Object... cells) {
        List<String> row = new ArrayList<>();
        for (Object c : cells) {
            row.add(c == null ? "-" : String.valueOf(c));
        }
        rows.add(row);
        return this;
    }

    public int size() {
        return rows.size();
    }

    public String render() {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = header.get(i).length();
        }
        for (List<String> r : rows) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder(64 * (rows.size() + 1));
        append(out, header, width);
        for (List<String> r : rows) {
            append(out, r, width);
        }
        return out.toString();
    }

    private static void append(StringBuilder out, List<String> cells, int[] width) {
        for (int i = 0; i < width.length; i++) {
            String c = cells.get(i);
            out.append(c);
            if (i < width.length - 1) {
                out.append(" ".repeat(width[i] - c.length() + 2));
            }
        }
        out.append('\n');
    }
}
