package io.flotilla.dsl.job;

import io.flotilla.dsl.DslException;
import io.flotilla.dsl.PlatformDefaults;
import io.flotilla.dsl.function.FunctionDef;
import io.flotilla.dsl.function.Functions;
import io.flotilla.dsl.table.TableDeclaration;
import io.flotilla.dsl.table.TableDef;
import io.flotilla.dsl.table.TableDescriptors;
import io.flotilla.dsl.table.Tables;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.functions.UserDefinedFunction;
import org.apache.flink.types.Row;

/**
 * What a job sees: the declared tables (registered as temporary tables), its arguments, one
 * statement set for all its sinks, and the full Table API and DataStream bridge underneath.
 */
public final class JobContext {

    private final String jobName;
    private final StreamTableEnvironment tEnv;
    private final Tables tables;
    private final JobConfig config;
    private final StatementSet statements;
    private final List<Table> streamed = new ArrayList<>();
    private final List<Insert> inserts = new ArrayList<>();
    private final Functions.Builder functions = Functions.builder();

    /** One insert of the job: how messages name it, and how to plan it alone. */
    record Insert(String label, Runnable explainAlone) {}

    public JobContext(
            String jobName,
            StreamTableEnvironment tEnv,
            Tables tables,
            PlatformDefaults platform,
            JobConfig config) {
        this(jobName, tEnv, tables, Functions.none(), platform, config);
    }

    /** A context with the catalog's {@code functions} registered too. */
    public JobContext(
            String jobName,
            StreamTableEnvironment tEnv,
            Tables tables,
            Functions functions,
            PlatformDefaults platform,
            JobConfig config) {
        this.jobName = jobName;
        this.tEnv = tEnv;
        this.tables = tables;
        this.config = config;
        this.statements = tEnv.createStatementSet();
        for (TableDef def : tables.all()) {
            tEnv.createTemporaryTable(def.name(), TableDescriptors.of(def, platform, jobName));
        }
        functions.all().forEach(this::function);
    }

    /**
     * Declares the Java function {@code type} as {@code name} for this job's SQL and {@code
     * call(name, ...)}; a function the catalog already declares by that name is refused.
     */
    public void function(String name, Class<? extends UserDefinedFunction> type) {
        function(FunctionDef.of(name, type, caller()));
    }

    void function(FunctionDef def) {
        functions.add(def);
        try {
            tEnv.createTemporarySystemFunction(def.name(), def.type());
        } catch (ValidationException e) {
            throw new DslException(
                    def.origin() + ": function '" + def.name() + "': " + Errors.causes(e), e);
        }
    }

    /** The declared table {@code name}. */
    public Table from(String name) {
        return tEnv.from(tables.get(name).name());
    }

    /** The table declared by {@code declaration} (looked up by its name, so overrides apply). */
    public Table from(Class<? extends TableDeclaration> declaration) {
        return from(tables.get(nameOf(declaration)).name());
    }

    /** Adds an insert of {@code table} into the declared table {@code sink} to the job. */
    public void insertInto(String sink, Table table) {
        var pipeline = table.insertInto(tables.get(sink).name());
        statements.add(pipeline);
        inserts.add(new Insert("the insert into '" + sink + "'", pipeline::explain));
    }

    public void insertInto(Class<? extends TableDeclaration> sink, Table table) {
        insertInto(nameOf(sink), table);
    }

    /** Adds an {@code INSERT INTO ...} statement to the job. */
    public void insertSql(String insert) {
        insertSql("statement '" + shorten(insert) + "'", insert);
    }

    void insertSql(String label, String insert) {
        statements.addInsertSql(insert);
        inserts.add(new Insert(label, () -> tEnv.explainSql(insert)));
    }

    /** A query over the declared tables and views; may use lookup joins FOR SYSTEM_TIME AS OF. */
    public Table sql(String query) {
        return tEnv.sqlQuery(query);
    }

    /** Registers {@code table} as a temporary view usable by name in SQL. */
    public void view(String name, Table table) {
        tEnv.createTemporaryView(name, table);
    }

    /** Tumbling windows: {@code table} plus window_start, window_end and window_time columns. */
    public Table tumble(Table table, String timeColumn, Duration size) {
        return sql(
                "SELECT * FROM TABLE(TUMBLE(TABLE "
                        + table
                        + ", DESCRIPTOR(`"
                        + timeColumn
                        + "`), "
                        + interval(size)
                        + "))");
    }

    /** Hopping windows of {@code size} every {@code slide}, with the same window columns. */
    public Table hop(Table table, String timeColumn, Duration slide, Duration size) {
        return sql(
                "SELECT * FROM TABLE(HOP(TABLE "
                        + table
                        + ", DESCRIPTOR(`"
                        + timeColumn
                        + "`), "
                        + interval(slide)
                        + ", "
                        + interval(size)
                        + "))");
    }

    /** {@code table} as an insert-only stream of rows, for custom DataStream logic. */
    public DataStream<Row> toDataStream(Table table) {
        streamed.add(table);
        return tEnv.toDataStream(table);
    }

    /**
     * {@code table} as an insert-only stream of {@code type} (a POJO whose fields are the table's
     * columns), as the seed's {@code toDataStream(orders, Order.class)}.
     */
    public <T> DataStream<T> toDataStream(Table table, Class<T> type) {
        streamed.add(table);
        return tEnv.toDataStream(table, type);
    }

    /** A stream turned back into a table with {@code schema} (e.g. after a keyed process). */
    public Table fromDataStream(DataStream<?> stream, Schema schema) {
        return tEnv.fromDataStream(stream, schema);
    }

    public StreamTableEnvironment tableEnv() {
        return tEnv;
    }

    public JobConfig config() {
        return config;
    }

    public String jobName() {
        return jobName;
    }

    StatementSet statements() {
        return statements;
    }

    List<Insert> inserts() {
        return List.copyOf(inserts);
    }

    List<FunctionDef> functions() {
        return List.copyOf(functions.build().all());
    }

    // Where the job declared a function: its source file and line.
    private static String caller() {
        return StackWalker.getInstance()
                .walk(
                        frames ->
                                frames.filter(
                                                f ->
                                                        !f.getClassName()
                                                                .equals(JobContext.class.getName()))
                                        .findFirst()
                                        .map(f -> f.getClassName() + ":" + f.getLineNumber())
                                        .orElse("the job"));
    }

    List<Table> streamedTables() {
        return List.copyOf(streamed);
    }

    private static String shorten(String sql) {
        String one = sql.strip().replaceAll("\\s+", " ");
        return one.length() <= 60 ? one : one.substring(0, 57) + "...";
    }

    private static String interval(Duration d) {
        if (d.isZero() || d.isNegative() || d.toMillis() % 1000 != 0) {
            throw new DslException(
                    "window size " + d + " must be a positive whole number of seconds");
        }
        long seconds = d.toSeconds();
        // The largest unit that divides the size; SQL's default leading precision is 2 digits.
        String unit = "SECOND";
        long value = seconds;
        if (seconds % 86400 == 0) {
            unit = "DAY";
            value = seconds / 86400;
        } else if (seconds % 3600 == 0) {
            unit = "HOUR";
            value = seconds / 3600;
        } else if (seconds % 60 == 0) {
            unit = "MINUTE";
            value = seconds / 60;
        }
        int digits = Math.max(2, String.valueOf(value).length());
        return "INTERVAL '" + value + "' " + unit + "(" + digits + ")";
    }

    private static String nameOf(Class<? extends TableDeclaration> declaration) {
        try {
            return declaration.getDeclaredConstructor().newInstance().table().name();
        } catch (ReflectiveOperationException e) {
            throw new DslException(
                    "table class "
                            + declaration.getName()
                            + " cannot be created: give it a public no-argument constructor",
                    e);
        }
    }
}
