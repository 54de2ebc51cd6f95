package io.flotilla.dsl.table;

import io.flotilla.dsl.PlatformDefaults;
import java.util.Map;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.TableDescriptor;

/** Turns a {@link TableDef} into the {@link TableDescriptor} a Flink expert would write for it. */
public final class TableDescriptors {

    private TableDescriptors() {}

    /**
     * The descriptor of {@code table} in job {@code jobName}, with the platform's defaults filled
     * in and its secret options read from the platform's secrets.
     */
    public static TableDescriptor of(TableDef table, PlatformDefaults platform, String jobName) {
        Schema.Builder schema = Schema.newBuilder();
        for (Column c : table.columns()) {
            if (c.isComputed()) {
                schema.columnByExpression(c.name(), c.expression());
            } else if (c.isMetadata()) {
                schema.columnByMetadata(c.name(), DataTypes.of(c.type()), c.metadataKey());
            } else {
                schema.column(c.name(), c.type());
            }
        }
        if (table.watermark() != null) {
            schema.watermark(table.watermark().column(), table.watermark().expression());
        }
        if (!table.primaryKey().isEmpty()) {
            schema.primaryKey(table.primaryKey());
        }
        TableDescriptor.Builder d =
                TableDescriptor.forConnector(table.connector()).schema(schema.build());
        String locationKey = TableDef.locationKey(table.connector());
        if (locationKey != null) {
            d.option(locationKey, table.location());
        }
        if (table.format() != null) {
            // upsert-kafka has a key and a value format; both take the table's format.
            String[] prefixes =
                    table.connector().equals("upsert-kafka")
                            ? new String[] {"key.", "value."}
                            : new String[] {""};
            for (String prefix : prefixes) {
                d.option(prefix + "format", table.format().name());
                for (Map.Entry<String, String> o : table.format().options().entrySet()) {
                    d.option(prefix + table.format().name() + "." + o.getKey(), o.getValue());
                }
            }
        }
        if (table.connector().equals("kafka") || table.connector().equals("upsert-kafka")) {
            if (!table.options().containsKey("properties.bootstrap.servers")) {
                d.option("properties.bootstrap.servers", platform.kafkaBootstrapServers());
            }
            if (!table.options().containsKey("properties.group.id")) {
                // One consumer group per job, so two jobs reading one topic never share offsets.
                d.option("properties.group.id", "flotilla-" + jobName);
            }
        }
        if (table.connector().equals("kafka")
                && !table.options().containsKey("scan.startup.mode")) {
            d.option("scan.startup.mode", "group-offsets");
            if (!table.options().containsKey("properties.auto.offset.reset")) {
                d.option("properties.auto.offset.reset", "earliest");
            }
        }
        if (table.lookup() != null) {
            table.lookup().options().forEach(d::option);
        }
        table.options().forEach(d::option);
        // An unset variable plans with a stand-in (connectors may want the option as a pair with
        // another, as jdbc's username and password), so validate needs no secret; JobMain refuses
        // to submit a job that would run with the stand-in.
        table.secretOptions()
                .forEach(
                        (key, variable) ->
                                d.option(
                                        key,
                                        platform.secrets().get(variable).orElse(unset(variable))));
        return d.build();
    }

    /** The stand-in value of a secret option whose variable is not set. */
    public static String unset(String variable) {
        return "(not set: " + variable + ")";
    }
}
