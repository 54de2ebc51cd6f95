package io.flotilla.formats.yson;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** Options of the YSON format besides the shared ones; given in DDL as 'yson.&lt;key&gt;'. */
public final class YsonFormatOptions {
    /** How records are written; reading accepts both encodings, even mixed, without this option. */
    public enum Encoding {
        TEXT,
        BINARY
    }

    public static final ConfigOption<Encoding> ENCODING =
            ConfigOptions.key("encoding")
                    .enumType(Encoding.class)
                    .defaultValue(Encoding.TEXT)
                    .withDescription(
                            "Encoding of written records: 'text' (safe for line-based connectors"
                                    + " such as filesystem) or 'binary' (smaller and faster, for"
                                    + " message connectors such as Kafka). Reading detects both.");

    private YsonFormatOptions() {}
}
