package io.flotilla.dsl;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.util.List;

/**
 * A YAML string with the file line and column where its text starts, so SQL errors can point into
 * the YAML file; for block scalars ({@code |}, {@code >}) that is the line after the indicator.
 */
@JsonDeserialize(using = LocatedText.Reader.class)
public record LocatedText(String text, int line, int column) {

    /** The file position of the SQL position {@code sqlLine}:{@code sqlColumn} (both from 1). */
    public String position(int sqlLine, int sqlColumn) {
        int fileLine = line + sqlLine - 1;
        // Block scalars indent every line alike, so the column offset holds on every line.
        int fileColumn = column + sqlColumn - 1;
        return fileLine + ":" + fileColumn;
    }

    /** Reads a scalar and where it starts. */
    static final class Reader extends JsonDeserializer<LocatedText> {
        @Override
        public LocatedText deserialize(JsonParser p, DeserializationContext ctx)
                throws IOException {
            JsonLocation at = p.currentTokenLocation();
            String text = p.getValueAsString();
            if (text == null) {
                return (LocatedText) ctx.handleUnexpectedToken(LocatedText.class, p);
            }
            int line = at.getLineNr();
            int column = at.getColumnNr();
            @SuppressWarnings("unchecked")
            List<String> lines = (List<String>) ctx.getAttribute(StrictYaml.SOURCE_LINES);
            if (lines != null && line >= 1 && line <= lines.size()) {
                String source = lines.get(line - 1);
                String rest = source.substring(Math.min(column - 1, source.length())).strip();
                if ((rest.startsWith("|") || rest.startsWith(">")) && line < lines.size()) {
                    String next = lines.get(line);
                    int indent = next.length() - next.stripLeading().length();
                    return new LocatedText(text, line + 1, indent + 1);
                }
                if (rest.startsWith("'") || rest.startsWith("\"")) {
                    column++;
                }
            }
            return new LocatedText(text, line, column);
        }
    }
}
