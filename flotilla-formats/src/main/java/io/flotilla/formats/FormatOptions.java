package io.flotilla.formats;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** Options shared by the TSKV and YSON formats; Flink prefixes them with the format name. */
public final class FormatOptions {
    public static final ConfigOption<Boolean> IGNORE_PARSE_ERRORS =
            ConfigOptions.key("ignore-parse-errors")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Skip records that do not parse instead of failing the job; skipped"
                                    + " records are counted in the 'skippedRecords' metric.");

    public static final ConfigOption<Boolean> FAIL_ON_MISSING_FIELD =
            ConfigOptions.key("fail-on-missing-field")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Fail (or skip, with ignore-parse-errors) a record that lacks a column"
                                    + " of the schema, instead of reading the column as NULL.");

    private FormatOptions() {}
}
