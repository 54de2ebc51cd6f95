package io.flotilla.dsl.table;

import io.flotilla.dsl.DslException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.flink.configuration.GlobalConfiguration;

/**
 * What a declaration's connector options must obey: no secret written down (it goes in {@code
 * secret-options}, from the environment), a URL for jdbc tables, and lookup caches only where a
 * lookup join can read.
 */
final class ConnectorRules {

    /** Connectors whose tables a lookup join can read. */
    static final Set<String> LOOKUP_CONNECTORS = Set.of("jdbc");

    private static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");

    private ConnectorRules() {}

    static void check(
            String table,
            String connector,
            Map<String, String> options,
            Map<String, String> secretOptions,
            LookupCache lookup) {
        for (String key : options.keySet()) {
            if (GlobalConfiguration.isSensitive(key)) {
                throw new DslException(
                        table
                                + ", field options."
                                + key
                                + ": a secret must not be written in a declaration (it would be in"
                                + " the job's jar, its lineage and its logs); read it from the"
                                + " environment with secret-options: {"
                                + key
                                + ": FLOTILLA_...}");
            }
            if (key.startsWith("lookup.") && lookup != null) {
                throw new DslException(
                        table
                                + ", field options."
                                + key
                                + ": lookup options are declared under lookup (cache, max-rows,"
                                + " expire-after-write, ...); move it there");
            }
        }
        for (Map.Entry<String, String> s : secretOptions.entrySet()) {
            String field = table + ", field secret-options." + s.getKey();
            if (options.containsKey(s.getKey())) {
                throw new DslException(field + ": is also set in options; keep it in one of them");
            }
            if (s.getValue() == null || !ENV_NAME.matcher(s.getValue()).matches()) {
                throw new DslException(
                        field
                                + ": '"
                                + s.getValue()
                                + "' is not an environment variable name; use capitals, digits and"
                                + " _, e.g. FLOTILLA_DIM_PASSWORD");
            }
        }
        if (connector.equals("jdbc") && !options.containsKey("url")) {
            throw new DslException(
                    table
                            + ", field options.url: a jdbc table needs its database URL; set url:"
                            + " jdbc:postgresql://host:5432/database");
        }
        if (lookup != null) {
            if (!LOOKUP_CONNECTORS.contains(connector)) {
                throw new DslException(
                        table
                                + ", field lookup: a lookup join cannot read connector '"
                                + connector
                                + "'; declare lookup only on a table with connector "
                                + String.join(" or ", LOOKUP_CONNECTORS));
            }
            lookup.validate(table);
        }
    }
}
