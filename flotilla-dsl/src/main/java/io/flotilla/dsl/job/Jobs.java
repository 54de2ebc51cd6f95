package io.flotilla.dsl.job;

import io.flotilla.dsl.DslException;
import io.flotilla.dsl.PlatformDefaults;
import io.flotilla.dsl.function.Functions;
import io.flotilla.dsl.lineage.Lineage;
import io.flotilla.dsl.lineage.LineageExtractor;
import io.flotilla.dsl.table.TableDef;
import io.flotilla.dsl.table.TableDescriptors;
import io.flotilla.dsl.table.Tables;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.SqlParserException;
import org.apache.flink.table.api.TableException;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

/** Finds a job by reference (class name, YAML path, {@code classpath:} resource) and builds it. */
public final class Jobs {

    private Jobs() {}

    /**
     * The job named by {@code ref}: {@code path/x.yaml}, {@code classpath:jobs/x.yaml} or a class.
     */
    public static FlotillaJob load(String ref, ClassLoader loader) {
        if (ref.startsWith("classpath:")) {
            String resource = ref.substring("classpath:".length());
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new DslException("job " + ref + " is not on the class path");
                }
                return YamlJob.parse(ref, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new DslException("cannot read job " + ref + ": " + e.getMessage(), e);
            }
        }
        if (ref.endsWith(".yaml") || ref.endsWith(".yml")) {
            Path file = Path.of(ref);
            if (!Files.isRegularFile(file)) {
                throw new DslException("job file " + ref + " does not exist");
            }
            try {
                return YamlJob.parse(ref, Files.readString(file));
            } catch (IOException e) {
                throw new DslException("cannot read job " + ref + ": " + e.getMessage(), e);
            }
        }
        try {
            Class<?> type = Class.forName(ref, true, loader);
            if (!FlotillaJob.class.isAssignableFrom(type)) {
                throw new DslException(
                        "class "
                                + ref
                                + " is not a job: it must implement "
                                + FlotillaJob.class.getName());
            }
            return (FlotillaJob) type.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new DslException(
                    "job '" + ref + "' is neither a class on the class path nor a .yaml file", e);
        } catch (ReflectiveOperationException e) {
            throw new DslException(
                    "job class "
                            + ref
                            + " cannot be created: give it a public no-argument"
                            + " constructor",
                    e);
        }
    }

    /**
     * Builds {@code job} on a fresh streaming table environment: {@code catalog} and the job's own
     * tables registered, then {@code overrides} in place of same-named ones.
     */
    public static BuiltJob build(
            FlotillaJob job,
            Tables catalog,
            Tables overrides,
            PlatformDefaults platform,
            JobConfig args) {
        return build(job, catalog, Functions.none(), overrides, platform, args);
    }

    /** As above, with the catalog's {@code functions} declared in the job as well. */
    public static BuiltJob build(
            FlotillaJob job,
            Tables catalog,
            Functions functions,
            Tables overrides,
            PlatformDefaults platform,
            JobConfig args) {
        return assemble(job, catalog, functions, overrides, platform, args, null, null, List.of());
    }

    /**
     * As above, as a batch over {@code backfill}'s range on a batch table environment, refused
     * before submission when a source cannot be bounded, a sink cannot take a batch or the {@code
     * into} table does not fit; with {@code into}, built again writing there.
     */
    public static BuiltJob build(
            FlotillaJob job,
            Tables catalog,
            Functions functions,
            Tables overrides,
            PlatformDefaults platform,
            JobConfig args,
            Backfill backfill) {
        if (backfill == null) {
            return assemble(
                    job, catalog, functions, overrides, platform, args, null, null, List.of());
        }
        BuiltJob built;
        try {
            built =
                    assemble(
                            job, catalog, functions, overrides, platform, args, backfill, null,
                            List.of());
        } catch (DslException e) {
            throw e.getMessage().contains("in batch mode")
                    ? new DslException(
                            e.getMessage()
                                    + "; a backfill runs the job as a batch, so it reads only"
                                    + " bounded tables: Kafka (bounded to the range) or jdbc",
                            e)
                    : e;
        }
        Lineage lineage = LineageExtractor.of(built);
        backfill.check(job.name(), lineage, built.tables());
        List<String> files = Backfill.fileSources(lineage);
        if (backfill.into() == null && files.isEmpty()) {
            return built;
        }
        BuiltJob bounded =
                assemble(
                        job,
                        catalog,
                        functions,
                        overrides,
                        platform,
                        args,
                        backfill,
                        backfill.into() == null ? null : lineage.writes().get(0).name(),
                        files);
        bounded.explain();
        return bounded;
    }

    private static BuiltJob assemble(
            FlotillaJob job,
            Tables catalog,
            Functions functions,
            Tables overrides,
            PlatformDefaults platform,
            JobConfig args,
            Backfill backfill,
            String redirectedSink,
            List<String> fileSources) {
        String declaredBy = declaredBy(job);
        Tables.Builder own = Tables.builder().addAll(catalog);
        JobConfig config = args;
        if (job instanceof YamlJob yaml) {
            yaml.declaredTables().forEach(own::add);
            config = args.withDefaults(yaml.configDefaults());
        }
        Tables tables = own.build().overriddenBy(overrides);
        if (job instanceof YamlJob yaml) {
            yaml.requireTables(tables);
        }
        if (redirectedSink != null) {
            tables = backfill.redirect(tables, redirectedSink);
        }
        if (backfill != null) {
            tables = backfill.bound(tables, job.name());
        }
        Configuration conf = new Configuration();
        platform.applyTo(conf);
        conf.setString("pipeline.name", job.name() + (backfill == null ? "" : " (backfill)"));
        EnvironmentSettings.Builder settings = EnvironmentSettings.newInstance();
        if (backfill == null) {
            settings.inStreamingMode();
        } else {
            conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
            settings.inBatchMode();
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        StreamTableEnvironment tEnv =
                StreamTableEnvironment.create(env, settings.withConfiguration(conf).build());
        JobContext ctx;
        try {
            ctx = new JobContext(job.name(), tEnv, tables, functions, platform, config);
        } catch (DslException e) {
            throw new DslException(
                    "job '" + job.name() + "' (" + declaredBy + "): " + e.getMessage(), e);
        }
        // A file source of a backfill is a view of its files modified in the range.
        for (String name : fileSources) {
            TableDef def = tables.get(name);
            String hidden = name + "__backfill_files";
            tEnv.dropTemporaryTable(name);
            tEnv.createTemporaryTable(
                    hidden,
                    TableDescriptors.of(Backfill.withFileTime(def, hidden), platform, job.name()));
            tEnv.createTemporaryView(name, tEnv.sqlQuery(backfill.fileFilter(def, hidden)));
        }
        try {
            job.build(ctx);
        } catch (DslException e) {
            throw e.getMessage().startsWith("job '")
                    ? e
                    : new DslException(
                            "job '" + job.name() + "' (" + declaredBy + "): " + e.getMessage(), e);
        } catch (ValidationException | TableException | SqlParserException e) {
            throw new DslException(
                    "job '"
                            + job.name()
                            + "' ("
                            + declaredBy
                            + ")"
                            + at(job, e)
                            + ": "
                            + Errors.causes(e),
                    e);
        }
        BuiltJob.requireInserts(job.name(), declaredBy, ctx.inserts());
        return new BuiltJob(
                job.name(),
                declaredBy,
                tEnv,
                ctx.statements(),
                ctx.streamedTables(),
                tables,
                ctx.inserts(),
                ctx.functions());
    }

    /** The class or file that declares {@code job}, as lineage and messages show it. */
    public static String declaredBy(FlotillaJob job) {
        return job instanceof YamlJob yaml ? yaml.file() : job.getClass().getName();
    }

    /**
     * The line of the job's own source where a Flink call failed, e.g. " at OrdersDslJob.java:42".
     */
    private static String at(FlotillaJob job, Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith(job.getClass().getName())
                    && frame.getFileName() != null) {
                return " at " + frame.getFileName() + ":" + frame.getLineNumber();
            }
        }
        return "";
    }
}
