package io.flotilla.dsl.table;

/**
 * One column of a table: physical ({@code type}), computed ({@code expression}) or metadata ({@code
 * type} read from {@code metadataKey}).
 */
public record Column(String name, String type, String expression, String metadataKey) {

    public static Column physical(String name, String type) {
        return new Column(name, type, null, null);
    }

    public static Column computed(String name, String expression) {
        return new Column(name, null, expression, null);
    }

    public static Column metadata(String name, String type, String key) {
        return new Column(name, type, null, key);
    }

    public boolean isComputed() {
        return expression != null;
    }

    public boolean isMetadata() {
        return metadataKey != null;
    }
}
