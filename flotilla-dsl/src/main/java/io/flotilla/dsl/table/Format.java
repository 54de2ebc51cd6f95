package io.flotilla.dsl.table;

import java.util.LinkedHashMap;
import java.util.Map;

/** A Flink format by its factory identifier, with options written without the format prefix. */
public record Format(String name, Map<String, String> options) {

    public static final Format JSON = of("json");
    public static final Format CSV = of("csv");
    public static final Format AVRO = of("avro");
    public static final Format PROTOBUF = of("protobuf");
    public static final Format DEBEZIUM_JSON = of("debezium-json");
    public static final Format RAW = of("raw");
    public static final Format TSKV = of("tskv");
    public static final Format YSON = of("yson");

    public Format {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a format needs a name such as json, csv or tskv");
        }
        options = Map.copyOf(options);
    }

    /** A format with no options. */
    public static Format of(String name) {
        return new Format(name, Map.of());
    }

    /** This format with one more option, e.g. {@code option("ignore-parse-errors", "true")}. */
    public Format option(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(options);
        copy.put(key, value);
        return new Format(name, copy);
    }
}
