package io.flotilla.dsl.upgrade;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.utils.LogicalTypeParser;

/**
 * The field names and types of a row type as a compiled plan writes it: a type string, or a JSON
 * object when a field's type has no string form (time attributes, structured types).
 */
final class RowFields {

    private RowFields() {}

    static List<String> names(JsonNode rowType) {
        List<String> names = new ArrayList<>();
        if (rowType.isObject()) {
            rowType.path("fields").forEach(f -> names.add(f.path("name").asText()));
        } else if (parse(rowType) instanceof RowType row) {
            row.getFieldNames().forEach(names::add);
        }
        return names;
    }

    static List<String> types(JsonNode rowType) {
        List<String> types = new ArrayList<>();
        if (rowType.isObject()) {
            rowType.path("fields").forEach(f -> types.add(type(f.path("fieldType"))));
        } else if (parse(rowType) instanceof RowType row) {
            row.getChildren().forEach(t -> types.add(t.asSerializableString()));
        } else if (rowType.isTextual()) {
            types.add(rowType.asText());
        }
        return types;
    }

    private static String type(JsonNode type) {
        if (type.isTextual()) {
            return type.asText();
        }
        // Time attributes: what their serializer depends on is the type, not the attribute kind.
        String text = type.path("type").asText(type.toString());
        if (type.has("precision")) {
            text += "(" + type.path("precision").asInt() + ")";
        }
        return type.path("nullable").asBoolean(true) ? text : text + " NOT NULL";
    }

    private static LogicalType parse(JsonNode rowType) {
        if (!rowType.isTextual()) {
            return null;
        }
        return LogicalTypeParser.parse(rowType.asText(), RowFields.class.getClassLoader());
    }
}
