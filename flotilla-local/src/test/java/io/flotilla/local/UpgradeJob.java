package io.flotilla.local;

import io.flotilla.dsl.upgrade.StableIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;

/**
 * Three versions of one counting job for {@link SafeUpgradeITCase}, run from a compiled plan
 * aligned to the previous version's: v1 counts clicks per user, v2 adds a column after the count,
 * v3 counts per user and flag (other group keys).
 */
public final class UpgradeJob {

    private UpgradeJob() {}

    /**
     * Arguments: {@code VERSION PLAN_DIR [PREVIOUS_VERSION | unaligned]}. Writes the plan as the
     * planner compiled it to {@code VERSION-compiled.json} and the plan it runs to {@code
     * VERSION.json}; {@code unaligned} runs the compiled plan as it is, as Flink alone would.
     */
    public static void main(String[] args) throws Exception {
        String version = args[0];
        Path plans = Files.createDirectories(Path.of(args[1]));
        String previous = args.length > 2 ? args[2] : null;
        TableEnvironment env = environment(version);
        StableIdentity.apply(env.getConfig());
        String compiled = env.compilePlanSql(insert(version)).asJsonString();
        Files.writeString(plans.resolve(version + "-compiled.json"), compiled);
        String plan =
                previous == null || previous.equals("unaligned")
                        ? compiled
                        : StableIdentity.align(
                                Files.readString(plans.resolve(previous + ".json")), compiled);
        if (!"unaligned".equals(previous)) {
            Files.writeString(plans.resolve(version + ".json"), plan);
        }
        // Temporary tables are not written into plans: the plan runs where they are declared.
        StableIdentity.execute(env, plan);
    }

    /** The job's compiled plan as {@code version} would compile it, before alignment. */
    static String compile(String version) {
        return environment(version).compilePlanSql(insert(version)).asJsonString();
    }

    static TableEnvironment environment(String version) {
        Configuration conf = new Configuration();
        conf.setString("execution.checkpointing.interval", "2 s");
        conf.setString("pipeline.name", "upgrade-" + version);
        TableEnvironment env =
                TableEnvironment.create(
                        EnvironmentSettings.newInstance()
                                .inStreamingMode()
                                .withConfiguration(conf)
                                .build());
        ddl(version).forEach(env::executeSql);
        return env;
    }

    private static List<String> ddl(String version) {
        String clicks =
                "CREATE TEMPORARY TABLE clicks (user_id INT, flag BOOLEAN) WITH ("
                        + " 'connector' = 'datagen', 'rows-per-second' = '20',"
                        + " 'fields.user_id.min' = '1', 'fields.user_id.max' = '3')";
        String columns =
                version.equals("v2")
                        ? "user_id INT, cnt BIGINT, label STRING"
                        : "user_id INT, cnt BIGINT";
        String counts =
                "CREATE TEMPORARY TABLE counts ("
                        + columns
                        + ") WITH ('connector' = 'print', 'print-identifier' = '"
                        + version
                        + "')";
        return List.of(clicks, counts);
    }

    private static String insert(String version) {
        return switch (version) {
            case "v1" -> "INSERT INTO counts SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id";
            case "v2" ->
                    "INSERT INTO counts SELECT user_id, COUNT(*), 'v2' FROM clicks GROUP BY user_id";
            case "v3" ->
                    "INSERT INTO counts SELECT user_id, COUNT(*) FROM clicks"
                            + " GROUP BY user_id, flag";
            default ->
                    throw new IllegalArgumentException(
                            "version must be v1, v2 or v3, got '" + version + "'");
        };
    }
}
