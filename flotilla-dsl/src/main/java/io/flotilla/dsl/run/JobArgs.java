package io.flotilla.dsl.run;

import io.flotilla.common.Setting;
import io.flotilla.dsl.DslException;
import io.flotilla.dsl.PlatformDefaults;
import io.flotilla.dsl.function.Functions;
import io.flotilla.dsl.job.Backfill;
import io.flotilla.dsl.job.BuiltJob;
import io.flotilla.dsl.job.JobConfig;
import io.flotilla.dsl.job.Jobs;
import io.flotilla.dsl.table.Tables;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@link JobMain} and validate: {@code --job REF [--tables DIR]... [--plan]
 * [--lineage] [--previous-plan FILE] [--save-plan FILE] [--backfill-from T1 --backfill-to T2
 * [--into TABLE]]}, platform options, and everything else as the job's own arguments.
 *
 * @param previousPlan the compiled plan the running version was started from (local path or a Flink
 *     file system URI such as s3://...), null for a job's first version
 * @param savePlan where to write the compiled plan this version runs, null to keep none
 * @param backfill the range to re-run the job over as a batch, null for the streaming job
 */
public record JobArgs(
        String job,
        List<Path> tableDirs,
        boolean plan,
        boolean lineage,
        String previousPlan,
        String savePlan,
        Backfill backfill,
        List<String> platformArgs,
        List<String> jobArgs) {

    public static final String USAGE =
            "usage: --job <class-name | path/to/job.yaml | classpath:jobs/x.yaml> [--tables DIR]"
                    + " [--plan | --lineage] [--previous-plan FILE] [--save-plan FILE]"
                    + " [--backfill-from T1 --backfill-to T2 [--into TABLE]]"
                    + " [--kafka-bootstrap-servers HOSTS] [job args...]";

    /** Parses {@code args}; a first argument that is not an option is taken as the job. */
    public static JobArgs parse(List<String> args) {
        String job = null;
        List<Path> tableDirs = new ArrayList<>();
        boolean plan = false;
        boolean lineage = false;
        String previousPlan = null;
        String savePlan = null;
        String backfillFrom = null;
        String backfillTo = null;
        String into = null;
        List<String> platform = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        List<String> platformNames =
                PlatformDefaults.ALL.stream().map(Setting::name).map(n -> "--" + n).toList();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (i == 0 && !arg.startsWith("--")) {
                job = arg;
            } else if (arg.equals("--job")) {
                job = value(args, ++i, arg);
            } else if (arg.equals("--tables")) {
                tableDirs.add(Path.of(value(args, ++i, arg)));
            } else if (arg.equals("--plan")) {
                plan = true;
            } else if (arg.equals("--lineage")) {
                lineage = true;
            } else if (arg.equals("--previous-plan")) {
                previousPlan = value(args, ++i, arg);
            } else if (arg.equals("--save-plan")) {
                savePlan = value(args, ++i, arg);
            } else if (arg.equals("--backfill-from")) {
                backfillFrom = value(args, ++i, arg);
            } else if (arg.equals("--backfill-to")) {
                backfillTo = value(args, ++i, arg);
            } else if (arg.equals("--into")) {
                into = value(args, ++i, arg);
            } else if (platformNames.contains(name)) {
                platform.add(arg);
                if (!arg.contains("=")) {
                    platform.add(value(args, ++i, arg));
                }
            } else {
                rest.add(arg);
            }
        }
        if (job == null) {
            throw new DslException("no job given: " + USAGE);
        }
        Backfill backfill = null;
        if (backfillFrom != null || backfillTo != null || into != null) {
            if (backfillFrom == null || backfillTo == null) {
                throw new DslException(
                        "--backfill-from, --backfill-to and --into go together: a backfill needs"
                                + " both ends of its range (ISO instants, e.g."
                                + " 2026-01-01T00:00:00Z); "
                                + USAGE);
            }
            if (previousPlan != null || savePlan != null) {
                throw new DslException(
                        "a backfill runs as a batch with no state, so it takes no"
                                + " --previous-plan or --save-plan: drop them");
            }
            backfill =
                    new Backfill(
                            instant("--backfill-from", backfillFrom),
                            instant("--backfill-to", backfillTo),
                            into);
        }
        return new JobArgs(
                job, tableDirs, plan, lineage, previousPlan, savePlan, backfill, platform, rest);
    }

    private static Instant instant(String flag, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new DslException(
                    flag
                            + " '"
                            + value
                            + "' is not an ISO instant: write it as 2026-01-01T00:00:00Z (UTC)");
        }
    }

    /** True when the job is to run from a compiled plan, aligned to or saved for other versions. */
    public boolean compiledPlan() {
        return previousPlan != null || savePlan != null;
    }

    private static String value(List<String> args, int i, String flag) {
        if (i >= args.size()) {
            throw new DslException(flag + " needs a value: " + USAGE);
        }
        return args.get(i);
    }

    /**
     * Loads and builds the job: the catalog is every {@code TableDeclaration} on the class path,
     * then the {@code --tables} folders replace same-named tables; every {@code
     * FunctionDeclaration} on the class path is declared too.
     */
    public BuiltJob build(ClassLoader loader, Map<String, String> env) {
        PlatformDefaults platform = PlatformDefaults.resolve(platformArgs, env);
        Tables catalog = Tables.builder().addServiceLoaded(loader).build();
        Tables.Builder overrides = Tables.builder();
        tableDirs.forEach(overrides::addYamlDir);
        return Jobs.build(
                Jobs.load(job, loader),
                catalog,
                Functions.builder().addServiceLoaded(loader).build(),
                overrides.build(),
                platform,
                JobConfig.parse(jobArgs),
                backfill);
    }
}
