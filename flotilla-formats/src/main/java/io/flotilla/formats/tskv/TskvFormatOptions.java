package io.flotilla.formats.tskv;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** Options of the TSKV format besides the shared ones; given in DDL as 'tskv.&lt;key&gt;'. */
public final class TskvFormatOptions {
    public static final ConfigOption<Boolean> WRITE_PREFIX =
            ConfigOptions.key("write-prefix")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Start each written record with the 'tskv' field, as TSKV log"
                                    + " shippers expect. Reading accepts records with or without it.");

    private TskvFormatOptions() {}
}
